package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The interval of days a written FHIR date may denote, read without the date formatter. */
class PartialDatesTest {

    @Test
    void fullDatesAndDateTimesAreTheirCalendarDay() {
        assertEquals(LocalDate.of(2026, 7, 15), PartialDates.earliestDay("2026-07-15"));
        assertEquals(LocalDate.of(2026, 7, 15), PartialDates.latestDay("2026-07-15T23:30:00+02:00"));
        assertEquals(LocalDate.of(2024, 2, 29), PartialDates.earliestDay("2024-02-29T00:00:00Z"));
    }

    @Test
    void partialDatesAreTheirFirstAndLastDay() {
        assertEquals(LocalDate.of(2026, 7, 1), PartialDates.earliestDay("2026-07"));
        assertEquals(LocalDate.of(2026, 7, 31), PartialDates.latestDay("2026-07"));
        assertEquals(LocalDate.of(2025, 1, 1), PartialDates.earliestDay("2025"));
        assertEquals(LocalDate.of(2025, 12, 31), PartialDates.latestDay("2025"));
    }

    @Test
    void whatIsNoDateIsNull() {
        assertNull(PartialDates.earliestDay("2026-02-30"), "no such day");
        assertNull(PartialDates.earliestDay("2025-13-01"), "no such month");
        assertNull(PartialDates.earliestDay("2026/07/15"), "not the FHIR form");
        assertNull(PartialDates.latestDay("20x6-07-15"));
        assertNull(PartialDates.earliestDay("July 2026"));
        assertNull(PartialDates.earliestDay(null));
    }
}
