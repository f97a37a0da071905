package org.myelomacds.fhir;

import java.time.LocalDate;
import java.time.YearMonth;

/** A FHIR date or dateTime as written, read as the interval of days it may denote. */
final class PartialDates {
    private PartialDates() { }

    /**
     * The first day a FHIR date(Time) can denote: YYYY → 1 January, YYYY-MM → the 1st, a full date (with or without a
     * time) → the calendar date as written. Null when it is not a date.
     */
    static LocalDate earliestDay(String written) {
        if (written == null) return null;
        try {
            if (written.length() >= 10) return LocalDate.parse(written.substring(0, 10));
            if (written.length() == 7) return YearMonth.parse(written).atDay(1);
            if (written.length() == 4) return LocalDate.of(Integer.parseInt(written), 1, 1);
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The last day a FHIR date(Time) can denote: YYYY → 31 December, YYYY-MM → the month's last day; null when not a date. */
    static LocalDate latestDay(String written) {
        if (written == null) return null;
        try {
            if (written.length() >= 10) return LocalDate.parse(written.substring(0, 10));
            if (written.length() == 7) return YearMonth.parse(written).atEndOfMonth();
            if (written.length() == 4) return LocalDate.of(Integer.parseInt(written), 12, 31);
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
