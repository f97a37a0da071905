package org.myelomacds.engine;

import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 items 3 and 4 left open by session s11 (session s12, "partial3"), on the bundles of qa-bundles/s12p-*: a
 * first anti-CD38 dose dated by month against the antibody screen (GAP-IMPRECISE-10, FLAG-LOGISTICS-TS-04), the JSON
 * age range, the Cockcroft-Gault age at a partial creatinine date, the not-started order's count range narrowed to the
 * ordered drug, and the hand-over day of a supply exposure. Each case has its near miss.
 */
class PartialDatesS12Test {
    static Assessment evaluate(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve("s12p-" + name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    static boolean gap(Assessment a, String code, String... words) {
        return a.dataGaps().stream().anyMatch(g -> g.code().equals(code)
                && java.util.Arrays.stream(words).allMatch(w -> g.text().contains(w)));
    }

    static boolean screenOnTherapy(Assessment a) {
        return a.flags().stream().anyMatch(f -> f.code().equals("TYPE_AND_SCREEN") && f.text().contains("was taken after anti-CD38"));
    }

    @Test
    void aScreenInsideTheMonthOfAPartialDaratumumabStartLeavesTheBaselineUndecided() {
        Assessment a = evaluate("dara-start-month-screen-inside");
        assertTrue(gap(a, "RESULT_IMPRECISE", "Observation/antibody-screen-1", "daratumumab started 2024-07",
                "MedicationStatement/line2-daratumumab-sc", "2024-07-01 to 2024-07-31"), a.dataGaps().toString());
        assertFalse(screenOnTherapy(a), "the first dose may be after the screen");
    }

    @Test
    void nearMissAScreenAfterOrBeforeEveryDayOfTheStartMonthIsDecided() {
        Assessment after = evaluate("dara-start-month-screen-after");
        assertTrue(screenOnTherapy(after));
        assertFalse(gap(after, "RESULT_IMPRECISE", "Observation/antibody-screen-1"));
        Assessment before = evaluate("dara-start-month-screen-before");
        assertFalse(screenOnTherapy(before));
        assertFalse(gap(before, "RESULT_IMPRECISE", "Observation/antibody-screen-1"));
    }

    private static Assessment s11c(String name) {
        return Samples.evaluate(Samples.projectDir().resolve("qa-bundles").resolve("s11c-" + name + ".json"), Jurisdiction.US,
                CompileMode.EXECUTABLE_MODEL);
    }

    @Test
    void aBirthYearGivesTheJsonAgeRangeBesideTheOldestAge() {
        Assessment.PatientSummary p = s11c("age-year-only-74-or-75").patient();
        assertEquals(75, p.age(), "kept as before for readers of the contract's age");
        assertEquals(74, p.ageMin());
        assertEquals(75, p.ageMax());
        assertEquals("74 or 75", p.ageWords());
    }

    @Test
    void nearMissABirthMonthThatDecidesTheAgeGivesNoRange() {
        Assessment.PatientSummary p = s11c("age-month-75").patient();
        assertEquals(75, p.age());
        assertNull(p.ageMin());
        assertNull(p.ageMax());
        assertEquals("75", p.ageWords());
    }

    @Test
    void aCreatinineMonthHoldingTheBirthdayLeavesThe60Threshold() {
        Assessment a = evaluate("crcl-creatinine-month-holds-birthday");
        assertTrue(gap(a, "RENAL_RESULT_STALE", "60.3 mL/min", "59.5 mL/min"), a.dataGaps().toString());
    }

    @Test
    void nearMissACreatinineMonthWithoutTheBirthdayDecides() {
        assertFalse(gap(evaluate("crcl-creatinine-month-no-birthday"), "RENAL_RESULT_STALE"));
    }
}
