package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 3 for the inputs still read by the first day of a partial date (session s11, "partial2"), on the
 * bundles of qa-bundles/s11c-*: the antibody screen against the first anti-CD38 dose (GAP-IMPRECISE-10), the current
 * free light chain and Karnofsky (DERIVE-CURRENT-02), the age from a partial birth date (GAP-AGE-10) and a rival serum
 * creatinine given as a bound (DERIVE-CURRENT-03). Each case has its near miss.
 */
class PartialDatesS11Test {
    private static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve("s11c-" + name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    private static Findings.Item lab(Assessment a, String code) {
        return a.findings().labs().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static boolean gap(Assessment a, String code, String... words) {
        return a.dataGaps().stream().anyMatch(g -> g.code().equals(code)
                && java.util.Arrays.stream(words).allMatch(w -> g.text().contains(w)));
    }

    private static boolean dexFlag(Assessment a, String regimen) {
        return a.flags().stream().anyMatch(f -> f.code().equals("DEXAMETHASONE_DOSE_REDUCTION") && f.regimens().contains(regimen)
                && f.text().startsWith("Age"));
    }

    @Test
    void anAntibodyScreenWhoseMonthHoldsTheFirstDaratumumabDoseIsNotABaseline() {
        Assessment a = evaluate("screen-month-straddles-first-dara");
        assertTrue(gap(a, "RESULT_IMPRECISE", "Observation/antibody-screen-1", "2024-07", "daratumumab from 2024-07-08"), a.dataGaps().toString());
        assertTrue(a.flags().stream().noneMatch(f -> f.code().equals("TYPE_AND_SCREEN") && f.severity().equals("INFO")));
    }

    @Test
    void nearMissAScreenWhollyBeforeTheFirstDoseIsABaseline() {
        Assessment a = evaluate("screen-month-before-first-dara");
        assertFalse(gap(a, "RESULT_IMPRECISE", "Observation/antibody-screen-1"));
    }

    @Test
    void aFreeLightChainOrKarnofskyDatedByMonthThatMayBeLaterLeavesTheCurrentOneUndecided() {
        Findings.Item k = lab(evaluate("flc-month-vs-day-differ"), "FREE_KAPPA");
        assertNull(k.value());
        assertEquals(2, k.facts().size());
        assertTrue(k.text().contains("which value is current is unknown"), k.text());
        Findings.Item kps = lab(evaluate("karnofsky-month-vs-day-differ"), "KARNOFSKY");
        assertNull(kps.value());
        assertTrue(kps.text().contains("50 in 2026-10"), kps.text());
    }

    @Test
    void nearMissAgreeingOrEarlierResultsDecideTheCurrentOne() {
        assertEquals("45", lab(evaluate("flc-month-vs-day-agree"), "FREE_KAPPA").value());
        assertEquals("90", lab(evaluate("karnofsky-month-before-day"), "KARNOFSKY").value());
    }

    @Test
    void aBirthYearThatLeavesTheAge74Or75LeavesTheAge75LimitsUndecided() {
        Assessment a = evaluate("age-year-only-74-or-75");
        assertTrue(gap(a, "AGE_IMPRECISE", "Patient/pt-isapd", "1951", "Isa-Pd and D-Pd dexamethasone reduction", "ICARIA-MM"), a.dataGaps().toString());
        assertFalse(dexFlag(a, "ISA_PD"), "age 75 is not known");
        assertFalse(dexFlag(a, "DARA_PD"));
        // IKEMA 65 or more holds at 74 and at 75: decided, not named
        assertFalse(gap(a, "AGE_IMPRECISE", "IKEMA"));
    }

    @Test
    void nearMissABirthMonthThatMakesThePatient75DecidesTheLimits() {
        Assessment a = evaluate("age-month-75");
        assertTrue(dexFlag(a, "ISA_PD"));
        assertFalse(gap(a, "AGE_IMPRECISE"));
    }

    @Test
    void aBirthYearThatLeavesTheAge70Or71LeavesTheTransplantAgeProxyUndecided() {
        Assessment a = evaluate("age-year-only-70-or-71-ndmm");
        assertTrue(a.findings().transplantEligibility().value().startsWith("UNKNOWN"), a.findings().transplantEligibility().toString());
        assertTrue(gap(a, "AGE_IMPRECISE", "transplant-eligibility age proxy", "1955"));
        Assessment near = evaluate("age-month-71-ndmm");
        assertTrue(near.findings().transplantEligibility().value().startsWith("INELIGIBLE"));
        assertFalse(gap(near, "AGE_IMPRECISE"));
    }

    @Test
    void aRivalCreatinineBoundThatMayBeLaterAndCrossesARenalThresholdLeavesTheClearanceUndecided() {
        Assessment a = evaluate("crcl-bound-rival-crosses");
        Findings.Renal r = a.findings().renal().get(0);
        assertTrue(r.stale(), r.toString());
        assertTrue(gap(a, "RENAL_RESULT_STALE", ">119", "Observation/creat-bound"), a.dataGaps().toString());
    }

    @Test
    void nearMissARivalBoundOnTheSameSideOfEveryThresholdLeavesTheEstimateUsed() {
        Assessment a = evaluate("crcl-bound-rival-same-side");
        Findings.Renal r = a.findings().renal().get(0);
        assertFalse(r.stale(), r.toString());
        assertEquals(9.9, r.value());
        assertFalse(gap(a, "RENAL_RESULT_STALE"));
    }
}
