package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * qa-bundles/FINDINGS.md H1, CDS-POLICY-BREAK-RESUMED-SUBSET: VRd, a break of 5 months with nothing recorded (a stem-cell
 * collection with G-CSF only and no transplant, or a planned break), then lenalidomide alone for years and a progression
 * on it. Bortezomib's last dose was 3.4 years before the progression: not refractory (§1.2), so the 1-line patient is not
 * "double-refractory" (no daratumumab monotherapy on label) and D-Vd is not penalised. The near miss is sparse charting:
 * a D-Vd line whose daratumumab is last recorded before a hole and whose bortezomib resumes for one dose weeks before
 * the progression stays with the line (daratumumab refractory).
 */
class BreakResumedSubsetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Assessment evaluate(String qaBundle) throws Exception {
        return Samples.evaluate((ObjectNode) JSON.readTree(Path.of("qa-bundles", qaBundle + ".json").toFile()));
    }

    private static Findings.Exposure exposure(Assessment a, String drug) {
        return a.findings().exposures().stream().filter(e -> e.drug().equals(drug)).findFirst().orElseThrow();
    }

    @Test
    void aDrugNotResumedAfterABreakIsJudgedByItsOwnLastDose() throws Exception {
        for (String bundle : new String[] {"s15h-03c-vrd-break-5-months-r-resumed-pd",
                "s15h-03b-vrd-gcsf-apheresis-stored-r-resumed-5-months-later-pd"}) {
            Assessment a = evaluate(bundle);
            assertEquals(1, a.findings().priorTherapy().lines().size(), bundle);
            assertTrue(exposure(a, "LENALIDOMIDE").refractory(), bundle);
            assertFalse(exposure(a, "BORTEZOMIB").refractory(), bundle + ": " + exposure(a, "BORTEZOMIB"));
            assertFalse(exposure(a, "BORTEZOMIB").refractoryUnknown(), bundle);
            assertTrue(a.findings().priorTherapy().lines().get(0).reason().contains("CDS-POLICY-BREAK-RESUMED-SUBSET"), bundle);
            var mono = a.notRecommended().stream().filter(r -> r.regimen().equals("DARA_MONO")).findFirst();
            assertTrue(mono.isPresent(), bundle + ": daratumumab monotherapy is not on label after 1 line without double refractoriness");
        }
    }

    @Test
    void nearMissSparseChartingWithALastDoseWeeksBeforeTheProgressionStaysWithTheLine() throws Exception {
        Assessment a = evaluate("dvd-all-sparse-admins");
        assertTrue(exposure(a, "DARATUMUMAB").refractory(), exposure(a, "DARATUMUMAB").toString());
        assertTrue(a.findings().priorTherapy().lines().stream().noneMatch(l -> l.reason().contains("BREAK-RESUMED-SUBSET")));
    }

    /**
     * The drugs named as resumed are those recorded from the resumption on: melphalan given as transplant conditioning
     * before the break is no resumed drug. Near miss: lenalidomide, given before the break (VRd) and again after it, is.
     */
    @Test
    void theResumedDrugsAreThoseRecordedAfterTheBreakNotTheConditioningBeforeIt() throws Exception {
        Assessment a = evaluate("s15h-04-vrd-asct-r-pd-then-cy-mobilisation-salvage-asct2-pd");
        String bortezomib = exposure(a, "BORTEZOMIB").stopEvident();
        assertTrue(bortezomib.contains("and lenalidomide resumed without it on 2019-08-15"), bortezomib);
        assertFalse(bortezomib.contains("melphalan resumed"), bortezomib);
        String line1 = a.findings().priorTherapy().lines().get(0).reason();
        assertFalse(line1.contains("lenalidomide, melphalan resumed without it"), line1);
        assertTrue(line1.contains("and lenalidomide resumed without it on 2019-08-15"), line1);
    }
}
