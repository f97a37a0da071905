package org.myelomacds.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A value reported with a comparator is a bound: thresholds are decided only when the whole bound is on one side. */
class MeasurementBoundsTest {

    private static Measurement egfr(String comparator, double value) {
        return new Measurement(MeasurementKind.EGFR, value, comparator, comparator == null ? null : comparator + value,
                null, false, LocalDate.of(2026, 10, 1), List.of());
    }

    @ParameterizedTest(name = "{0}{1} below {2}: certainly {3}, certainly not {4}")
    @CsvSource(nullValues = "exact", value = {
            // exact values decide every threshold
            "exact, 14, 15, true, false", "exact, 15, 15, false, true",
            // "<15": every value allowed is below 15 (the IKEMA floor is not met; "<15" is not 15)
            "<, 15, 15, true, false",
            // "<30" straddles 15: neither below nor at/above it
            "<, 30, 15, false, false",
            // "<30" is below 30 and below 60
            "<, 30, 30, true, false", "<, 30, 60, true, false",
            // "<=15" allows 15 itself: below 15 undecided; "<=14" is below 15
            "<=, 15, 15, false, false", "<=, 14, 15, true, false",
            // ">60" and ">=60" are at or above 60; ">45" straddles 60
            ">, 60, 60, false, true", ">=, 60, 60, false, true", ">, 45, 60, false, false", ">, 45, 30, false, true"})
    void belowThreshold(String comparator, double value, double threshold, boolean below, boolean atLeast) {
        Measurement m = egfr(comparator, value);
        assertEquals(below, m.certainlyBelow(threshold));
        assertEquals(atLeast, m.certainlyAtLeast(threshold));
        assertEquals(below || atLeast, m.decidesBelow(threshold));
    }

    @ParameterizedTest(name = "{0}{1} at most {2}: {3}; above: {4}")
    @CsvSource(nullValues = "exact", value = {
            "exact, 60, 60, true, false", "exact, 61, 60, false, true",
            "<, 61, 60, false, false", "<=, 60, 60, true, false", "<, 60, 60, true, false",
            ">=, 60, 60, false, false", ">, 60, 60, false, true", ">=, 61, 60, false, true"})
    void atMostThreshold(String comparator, double value, double threshold, boolean atMost, boolean above) {
        Measurement m = egfr(comparator, value);
        assertEquals(atMost, m.certainlyAtMost(threshold));
        assertEquals(above, m.certainlyAbove(threshold));
    }

    @Test
    void aBoundKeepsItsComparatorAndAnExactValueHasNone() {
        assertTrue(egfr("<", 15).isBound());
        assertEquals("<", egfr("<", 15).getComparator());
        assertFalse(egfr(null, 15).isBound());
    }

    @Test
    void onlyTheFourBoundsAreComparators() {
        assertThrows(IllegalArgumentException.class, () -> egfr("ad", 15));
    }

    @Test
    void aCurrentResultIsStaleOnlyBeyondItsWindow() {
        Measurement m = egfr(null, 50);
        assertFalse(new CurrentResult(m, 90, 90).isStale());
        assertTrue(new CurrentResult(m, 91, 90).isStale());
        assertFalse(new CurrentResult(m, 5000, -1).isStale(), "a kind without a window is never stale");
    }
}
