package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep L2 (qa-bundles/FINDINGS.md, CDS-POLICY-PARTIAL-END-BEFORE-NEXT-LINE): a Kd course whose end is recorded as the
 * year "2024", a progression on 2024-11-20 and Pd from 2024-12-10. The year's last day was read as a sure continuation:
 * line 3 "pomalidomide, carfilzomib, dexamethasone" and carfilzomib refractory "on treatment", with no gap.
 */
class PartialEndBeforeNextLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHARTED = Path.of("qa-bundles/s17l-13-kd-year-only-entry-other-dose-than-charted-course-pd-nov-2024.json");
    private static final Path STATEMENTS = Path.of("qa-bundles/s17l-13c-kd-statement-end-year-only-no-chart-pd-nov-2024.json");

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    private static List<String> lineDrugs(Assessment a, int line) {
        return a.findings().priorTherapy().lines().get(line - 1).drugs();
    }

    @Test
    void aYearOnlyEndDoesNotCarryTheDrugIntoARegimenBegunAfterAProgression() throws Exception {
        for (Path bundle : List.of(CHARTED, STATEMENTS)) {
            Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(bundle.toFile()));
            assertEquals(3, a.findings().priorTherapy().priorLines(), bundle.toString());
            assertFalse(lineDrugs(a, 3).contains("CARFILZOMIB"), bundle + " " + lineDrugs(a, 3));
            Findings.Exposure cfz = exposure(a, "CARFILZOMIB");
            assertFalse(cfz.refractory(), bundle + " " + cfz);
            assertTrue(cfz.refractoryUnknown(), bundle + " " + cfz);
            assertTrue(Samples.gapTexts(a, "REFRACTORY_STATUS_UNKNOWN").stream()
                    .anyMatch(g -> g.startsWith("carfilzomib refractoriness unknown")), bundle.toString());
        }
    }

    @Test
    void nearMissAnEndInTheProgressionsMonthIsSurelyWithin60DaysAndRefractory() throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(STATEMENTS.toFile());
        for (var e : b.withArray("entry")) {
            String id = e.path("resource").path("id").asText();
            if (id.equals("kd-c") || id.equals("kd-d")) ((ObjectNode) e.path("resource").path("effectivePeriod")).put("end", "2024-11");
        }
        Assessment a = Samples.evaluate(b);
        Findings.Exposure cfz = exposure(a, "CARFILZOMIB");
        assertTrue(cfz.refractory(), cfz.toString());
        assertFalse(lineDrugs(a, 3).contains("CARFILZOMIB"), lineDrugs(a, 3).toString());
    }

    private static final Path CHARTED_IN_NEXT = Path.of(
            "qa-bundles/s17m-01-kd-year-only-end-pd-then-pd-with-cfz-charted-in-first-cycle.json");

    private static String carfilzomibRefractoriness(Assessment a) {
        return a.findings().refractoriness().stream().map(r -> r.text())
                .filter(t -> t.startsWith("carfilzomib-refractory")).findFirst().orElse(null);
    }

    /**
     * FINDINGS M2: the same year-only Kd end, with carfilzomib charted on Pd's first day. The policy reads the course as
     * running into line 3 (refractory, as before), and the texts now say so instead of showing a sure end.
     */
    @Test
    void aYearOnlyEndReadAsRunningIntoTheNextRegimenSaysSoInTheLineAndTheRefractoriness() throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(CHARTED_IN_NEXT.toFile()));
        assertTrue(exposure(a, "CARFILZOMIB").refractory());
        String text = carfilzomibRefractoriness(a);
        assertTrue(text != null && text.contains("its end recorded only as 2024, read as running into line 3, which gives"
                + " carfilzomib from its first day, 2024-12-10, by MedicationAdministration/cfz-2024-12-10")
                && text.contains("CDS-POLICY-PARTIAL-END-BEFORE-NEXT-LINE"), String.valueOf(text));
        String reason = a.findings().priorTherapy().lines().get(1).reason();
        assertTrue(reason.contains("MedicationStatement/kd-c (carfilzomib) has its end recorded only as 2024")
                && reason.contains("shown to 2024-12-09, the day before line 3 started, although the record allows any day"
                + " from 2024-01-01"), reason);
    }

    @Test
    void nearMissAPreciseEndRunningIntoTheNextRegimenIsReadAsRecordedWithNoNote() throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(CHARTED_IN_NEXT.toFile());
        for (var e : b.withArray("entry")) {
            String id = e.path("resource").path("id").asText();
            if (id.equals("kd-c") || id.equals("kd-d")) ((ObjectNode) e.path("resource").path("effectivePeriod")).put("end", "2024-12-31");
        }
        Assessment a = Samples.evaluate(b);
        assertTrue(exposure(a, "CARFILZOMIB").refractory());
        String text = carfilzomibRefractoriness(a);
        assertTrue(text != null && !text.contains("recorded only as"), String.valueOf(text));
        assertFalse(a.findings().priorTherapy().lines().get(1).reason().contains("CDS-POLICY-PARTIAL-END-BEFORE-NEXT-LINE"));
    }

    @Test
    void nearMissTheDrugNotGivenInTheNextRegimenKeepsItsEndAnIntervalWithNoContinuationNote() throws Exception {
        Assessment a = Samples.evaluate((ObjectNode) JSON.readTree(STATEMENTS.toFile()));
        assertTrue(exposure(a, "CARFILZOMIB").refractoryUnknown());
        assertFalse(a.findings().priorTherapy().lines().get(1).reason().contains("read as running into line 3"));
    }
}
