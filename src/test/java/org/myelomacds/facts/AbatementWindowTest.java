package org.myelomacds.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether a resolved asthma falls within a trial's "within the past N years" (CANDOR 2, SIRIUS 5; clinical-evidence.md
 * §4, §7): certainly within, certainly outside, or undecided when the resolution date is missing or straddles the bound.
 */
class AbatementWindowTest {
    private static final long AS_OF = LocalDate.of(2026, 11, 1).toEpochDay();

    private static ClinicalCondition asthma(boolean active, String abatement, String abatementLatest) {
        LocalDate from = abatement == null ? null : LocalDate.parse(abatement);
        LocalDate to = abatementLatest == null ? from : LocalDate.parse(abatementLatest);
        return new ClinicalCondition(ConditionKind.ASTHMA, ConditionSeverity.SEVERE_PERSISTENT, null, active,
                active ? "active" : "resolved", null, null, LocalDate.of(2009, 4, 1), LocalDate.of(2009, 4, 1), from, to,
                "code", "Asthma", new Provenance("Condition/asthma-1", null, null));
    }

    @Test
    void theWindowStartsOnTheSameCalendarDayYearsBefore() {
        assertEquals(LocalDate.of(2024, 11, 1), ClinicalCondition.windowStart(AS_OF, 2));
        assertEquals(LocalDate.of(2021, 11, 1), ClinicalCondition.windowStart(AS_OF, 5));
        // calendar years, not 365-day blocks: 29 February falls back to 28 February
        assertEquals(LocalDate.of(2026, 2, 28), ClinicalCondition.windowStart(LocalDate.of(2028, 2, 29).toEpochDay(), 2));
    }

    @Test
    void aResolutionOnOrAfterTheWindowStartIsCertainlyWithin() {
        assertTrue(asthma(false, "2025-06-01", null).abatedCertainlyWithinYears(AS_OF, 2));
        assertTrue(asthma(false, "2024-11-01", null).abatedCertainlyWithinYears(AS_OF, 2));
        assertTrue(asthma(false, "2024-11-01", "2024-11-30").abatedCertainlyWithinYears(AS_OF, 2));
        assertFalse(asthma(false, "2025-06-01", null).abatementWindowUndecided(AS_OF, 2));
    }

    @Test
    void nearMissesADayBeforeTheWindowAndAnActiveAsthma() {
        ClinicalCondition dayBefore = asthma(false, "2024-10-31", null);
        assertFalse(dayBefore.abatedCertainlyWithinYears(AS_OF, 2));
        assertFalse(dayBefore.abatementWindowUndecided(AS_OF, 2));
        assertTrue(dayBefore.abatedCertainlyWithinYears(AS_OF, 5));
        ClinicalCondition active = asthma(true, null, null);
        assertFalse(active.abatedCertainlyWithinYears(AS_OF, 2));
        assertFalse(active.abatementWindowUndecided(AS_OF, 2));
    }

    @Test
    void aMissingOrStraddlingResolutionDateIsUndecidedNeverOutside() {
        ClinicalCondition undated = asthma(false, null, null);
        assertTrue(undated.abatementWindowUndecided(AS_OF, 2));
        assertFalse(undated.abatedCertainlyWithinYears(AS_OF, 2));
        ClinicalCondition year2024 = asthma(false, "2024-01-01", "2024-12-31");
        assertTrue(year2024.abatementWindowUndecided(AS_OF, 2));
        assertFalse(year2024.abatedCertainlyWithinYears(AS_OF, 2));
        // near miss: a month that ends the day before the window is certainly outside
        ClinicalCondition october2024 = asthma(false, "2024-10-01", "2024-10-31");
        assertFalse(october2024.abatementWindowUndecided(AS_OF, 2));
        assertFalse(october2024.abatedCertainlyWithinYears(AS_OF, 2));
    }
}
