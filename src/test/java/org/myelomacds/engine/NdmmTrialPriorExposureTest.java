package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.Statement;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 bullet 7, FINDINGS T6 (CDS-POLICY-HISTORY-NDMM-OTHER-EXPOSURE): daratumumab and bortezomib given for AL
 * amyloidosis before a newly diagnosed myeloma do not make a line, but the newly diagnosed trials enrolled untreated
 * myeloma and the evidence does not say whether such patients were admitted, so MAIA, ALCYONE, CEPHEUS and IMROZ are
 * undecided, not "matches". Near misses: a steroid alone for AL amyloidosis, chemotherapy for another cancer, supportive
 * drugs leave the populations matched.
 */
class NdmmTrialPriorExposureTest {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static Recommendation recommendation(Assessment a, String regimen) {
        return a.recommendations().stream().filter(r -> r.regimen().equals(regimen)).findFirst()
                .orElseThrow(() -> new AssertionError(regimen + " not recommended"));
    }

    private static Statement statement(Assessment a, String regimen, String criterion) {
        return recommendation(a, regimen).rationale().stream().filter(s -> s.criterion().equals(criterion)).findFirst()
                .orElseThrow(() -> new AssertionError(regimen + " states no " + criterion));
    }

    @Test
    void daratumumabAndBortezomibForAlAmyloidosisLeaveTheNewlyDiagnosedPopulationsUndecided() {
        Assessment a = evaluate("other-al-amyloidosis-dvcd-then-ndmm");
        assertEquals("NDMM_TRANSPLANT_INELIGIBLE", a.setting());
        for (String[] p : new String[][] {{"DARA_RD", "maia"}, {"DARA_VMP", "alcyone"}, {"DARA_VRD", "cepheus"}, {"ISA_VRD", "imroz"}}) {
            assertEquals("UNKNOWN", statement(a, p[0], p[1] + "-population").outcome(), p[0]);
            Statement why = statement(a, p[0], p[1] + "-prior-exposure");
            assertEquals("UNKNOWN", why.outcome());
            assertTrue(why.text().contains("daratumumab 2025-05-05 to 2026-06-29 (MedicationStatement/al-dara), given for"
                    + " Light chain (AL) amyloidosis (Condition/al-1)"), why.text());
            assertTrue(why.text().contains("the evidence does not say"), why.text());
            assertTrue(why.evidence().contains("CDS-POLICY-HISTORY-NDMM-OTHER-EXPOSURE"), why.evidence().toString());
            assertTrue(recommendation(a, p[0]).scoreComponents().stream().noneMatch(c -> c.label().startsWith("Matches the")),
                    p[0] + " earns no trial points");
        }
        assertEquals(50, recommendation(a, "DARA_RD").score());
    }

    @Test
    void lenalidomideForAnotherDiseaseLeavesMaiaUndecided() {
        Assessment a = evaluate("s11h-ndmm-after-len-for-mds");
        assertEquals("UNKNOWN", statement(a, "DARA_RD", "maia-population").outcome());
        assertTrue(statement(a, "DARA_RD", "maia-prior-exposure").text().contains("lenalidomide 2019-03-01 to 2020-09-30"));
    }

    @Test
    void nearMissesSteroidAloneChemotherapyForAnotherCancerAndSupportiveDrugsLeaveMaiaMatched() {
        for (String name : new String[] {"s11h-ndmm-after-dex-only-for-al", "s11h-ndmm-after-ac-for-breast-cancer",
                "s11h-ndmm-supportive-only"}) {
            Assessment a = evaluate(name);
            assertEquals("MET", statement(a, "DARA_RD", "maia-population").outcome(), name);
            assertEquals("MET", statement(a, "ISA_VRD", "imroz-population").outcome(), name);
            assertTrue(recommendation(a, "DARA_RD").rationale().stream().noneMatch(s -> s.criterion().endsWith("-prior-exposure")), name);
            assertEquals(90, recommendation(a, "DARA_RD").score(), name);
        }
    }
}
