package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 3 for the current height, ABO/Rh group and serum M-protein (DERIVE-CURRENT-02, GAP-IMPRECISE-02), on
 * the EHR-shaped bundles of qa-bundles/: a result dated only "2026-10" that may be later than a differing one of a day
 * in October leaves the current one undecided; the BMI dexamethasone reduction is then decided only when every possible
 * BMI falls on one side of 18.5.
 */
class CurrentChoiceHeightBloodGroupMProteinTest {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve(name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static Findings.Item lab(Assessment a, String code) {
        return a.findings().labs().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static boolean dexReduced(Assessment a) {
        return a.flags().stream().anyMatch(f -> f.code().equals("DEXAMETHASONE_DOSE_REDUCTION") && f.regimens().contains("DARA_RD"));
    }

    @Test
    void aHeightThatMovesTheBmiAcross18_5LeavesTheReductionUndecided() {
        Assessment a = evaluate("height-month-vs-day-differ");
        assertTrue(!dexReduced(a), "BMI 17.1 is not known to be current");
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RESULT_IMPRECISE") && g.text().contains("Observation/height-month")
                && g.text().contains("Observation/height-1")), a.dataGaps().toString());
        Findings.Item h = lab(a, "BODY_HEIGHT");
        assertNull(h.value());
        assertEquals(2, h.facts().size());
    }

    @Test
    void nearMissAHeightOnTheSameSideOf18_5KeepsTheReduction() {
        Assessment a = evaluate("height-month-vs-day-same-side");
        assertTrue(dexReduced(a));
        assertTrue(a.dataGaps().stream().noneMatch(g -> g.code().equals("RESULT_IMPRECISE")));
    }

    @Test
    void aBloodGroupOrMProteinDatedOnlyByMonthLeavesTheCurrentOneUndecided() {
        Findings.Item abo = lab(evaluate("abo-month-vs-day-differ"), "ABO_RH_GROUP");
        assertNull(abo.value());
        assertTrue(abo.text().contains("O Rh(D) positive in 2026-10"), abo.text());
        Findings.Item mp = lab(evaluate("mprotein-month-vs-day-differ"), "SERUM_M_PROTEIN");
        assertNull(mp.value());
        assertTrue(mp.text().contains("4.8 g/dL in 2026-10"), mp.text());
    }

    @Test
    void nearMissTheSampleBloodGroupAloneIsCurrent() throws Exception {
        Assessment a = Samples.evaluate(Samples.samplesDir().resolve("ndmm-ti-low-bmi-hbv.json"), Jurisdiction.US, CompileMode.EXECUTABLE_MODEL);
        assertEquals("A Rh(D) positive", lab(a, "ABO_RH_GROUP").value());
        assertTrue(dexReduced(a));
    }
}
