package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep K5 (qa-bundles/FINDINGS.md, CDS-POLICY-FIRST-DOSE-DAY-PROGRESSION): a progression charted the morning Kd was
 * started, Kd then giving a VGPR and stopped, relapse 157 days after its last dose. The progression opened the line; it was
 * read as one on carfilzomib, so the patient was "double-refractory", daratumumab monotherapy on the US label at 2 prior
 * lines and D-Vd / D-Kd down to 35.
 */
class FirstDoseDayProgressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUNDLE = Path.of("qa-bundles/s17k-19c-pd-and-kd-start-same-day-kd-stopped-in-vgpr-pd-off-therapy.json");

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    private static ObjectNode withFirstProgressionOn(String dateTime) throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(BUNDLE.toFile());
        for (var e : b.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals("pd-1")) {
                ((ObjectNode) e.path("resource")).put("effectiveDateTime", dateTime);
            }
        }
        return b;
    }

    @Test
    void aProgressionOnTheDayOfTheFirstDoseIsTheOneTheDrugWasStartedFor() throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(BUNDLE.toFile()));
        assertEquals(2, a.findings().priorTherapy().priorLines());
        assertFalse(exposure(a, "CARFILZOMIB").refractory(), exposure(a, "CARFILZOMIB").toString());
        assertFalse(exposure(a, "CARFILZOMIB").refractoryUnknown());
        // the same progression still makes the previous line's lenalidomide refractory
        assertTrue(exposure(a, "LENALIDOMIDE").refractory());
        assertTrue(a.findings().refractoriness().stream().noneMatch(i -> i.code().equals("CARFILZOMIB")));
        assertTrue(a.notRecommended().stream().anyMatch(n -> n.regimen().equals("DARA_MONO")
                && n.status().equals("NOT_ELIGIBLE")), "daratumumab monotherapy is off label at 2 lines without double-refractoriness");
        Recommendation dvd = a.recommendations().stream().filter(r -> r.regimen().equals("DARA_VD")).findFirst().orElseThrow();
        assertEquals(80, dvd.score());
    }

    @Test
    void nearMissAProgressionTheDayAfterTheFirstDoseIsOnTreatment() throws Exception {
        Assessment a = Samples.evaluate(withFirstProgressionOn("2025-09-16T09:10:00-05:00"));
        assertTrue(exposure(a, "CARFILZOMIB").refractory());
        assertTrue(a.findings().refractoriness().stream().anyMatch(i -> i.code().equals("CARFILZOMIB")
                && i.text().contains("on treatment")), a.findings().refractoriness().toString());
    }
}
