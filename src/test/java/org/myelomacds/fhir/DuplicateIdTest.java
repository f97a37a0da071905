package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.UnreadableInput;

/** Two resources of one type under one id: the same resource twice is read once; two different ones are not guessed between. */
class DuplicateIdTest {

    private static String egfr(String id, String value) {
        return Bundles.loincObservation(id, "98979-8", Bundles.quantity(value, "mL/min/{1.73_m2}"));
    }

    private static PatientRecord read(String... resources) throws Exception {
        return Bundles.READER.read(Bundles.bundle(resources), Bundles.AS_OF, Bundles.TERMS);
    }

    @Test
    void theSameResourceTwiceIsReadOnceAndCounted() throws Exception {
        PatientRecord r = read(egfr("egfr-1", "38"), egfr("egfr-1", "38"));
        assertEquals(1, r.measurements().size());
        assertEquals(List.of(), r.unreadable());
        assertEquals(1, r.skippedResources().get("Observation" + BundleScan.SKIP_DUPLICATE_SUFFIX));
    }

    @Test
    void twoDifferentResourcesUnderOneIdAreAnUnreadablePart() throws Exception {
        PatientRecord r = read(egfr("egfr-1", "38"), egfr("egfr-1", "52"));
        assertEquals(1, r.unreadable().size());
        UnreadableInput u = r.unreadable().get(0);
        assertEquals(2, u.getEntryIndex());
        assertEquals("Observation/egfr-1", u.getReference());
        assertTrue(u.getMessage().contains("with the id of Bundle.entry[1] and different content"), u.getMessage());
        assertEquals(38.0, r.measurements().get(0).getValue(), 1e-9);
    }

    @Test
    void nearMissDifferentIdsAreTwoFacts() throws Exception {
        PatientRecord r = read(egfr("egfr-1", "38"), egfr("egfr-2", "38"));
        assertEquals(2, r.measurements().size());
        assertEquals(List.of(), r.unreadable());
        assertNull(r.skippedResources().get("Observation" + BundleScan.SKIP_DUPLICATE_SUFFIX));
    }
}
