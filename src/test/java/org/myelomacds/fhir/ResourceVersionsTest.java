package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.PatientRecord;

/**
 * qa-bundles/FINDINGS.md G3: every version of a resource, as a history read or overlapping searches return them. When
 * meta.versionId (or failing it meta.lastUpdated) orders them, the current version is read whichever entry came first;
 * with nothing to order them, which one the record holds is unknown and the later entry stays an unreadable part.
 */
class ResourceVersionsTest {

    private static String egfr(String value, String meta) {
        String r = Bundles.loincObservation("egfr-1", "98979-8", Bundles.quantity(value, "mL/min/{1.73_m2}"));
        return meta == null ? r : r.replaceFirst("\\{", "{\"meta\":" + meta + ",");
    }

    private static PatientRecord read(String... resources) throws Exception {
        return Bundles.READER.read(Bundles.bundle(resources), Bundles.AS_OF, Bundles.TERMS);
    }

    private static final String V1 = "{\"versionId\":\"1\",\"lastUpdated\":\"2026-08-02T10:00:00Z\"}";
    private static final String V2 = "{\"versionId\":\"2\",\"lastUpdated\":\"2026-08-09T15:00:00Z\"}";

    @Test
    void theHighestVersionIsReadInEitherOrder() throws Exception {
        for (List<String> order : List.of(List.of(egfr("38", V1), egfr("52", V2)), List.of(egfr("52", V2), egfr("38", V1)))) {
            PatientRecord r = read(order.toArray(String[]::new));
            assertEquals(List.of(), r.unreadable(), order.toString());
            assertEquals(1, r.measurements().size());
            assertEquals(52.0, r.measurements().get(0).getValue(), 1e-9);
        }
    }

    @Test
    void versionIdsAreComparedAsNumbersNotText() throws Exception {
        PatientRecord r = read(egfr("38", "{\"versionId\":\"9\"}"), egfr("52", "{\"versionId\":\"10\"}"));
        assertEquals(52.0, r.measurements().get(0).getValue(), 1e-9);
    }

    @Test
    void withoutVersionIdsTheLatestUpdateIsCurrent() throws Exception {
        PatientRecord r = read(egfr("52", "{\"lastUpdated\":\"2026-08-09T15:00:00+02:00\"}"),
                egfr("38", "{\"lastUpdated\":\"2026-08-02T10:00:00Z\"}"));
        assertEquals(List.of(), r.unreadable());
        assertEquals(52.0, r.measurements().get(0).getValue(), 1e-9);
    }

    @Test
    void nearMissOnlyOneCarriesAVersionSoWhichIsCurrentIsUnknown() throws Exception {
        PatientRecord r = read(egfr("38", V1), egfr("52", null));
        assertEquals(1, r.unreadable().size());
        assertTrue(r.unreadable().get(0).getMessage().contains("different content"), r.unreadable().get(0).getMessage());
        assertEquals(38.0, r.measurements().get(0).getValue(), 1e-9);
    }

    @Test
    void nearMissTheSameVersionIdTwiceWithDifferentContentIsUnknown() throws Exception {
        PatientRecord r = read(egfr("38", V1), egfr("52", V1));
        assertEquals(1, r.unreadable().size());
    }
}
