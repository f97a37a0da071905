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
            if (written.length() >= 10) return fullDate(written);
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
            if (written.length() >= 10) return fullDate(written);
            if (written.length() == 7) return YearMonth.parse(written).atEndOfMonth();
            if (written.length() == 4) return LocalDate.of(Integer.parseInt(written), 12, 31);
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * The calendar date of "YYYY-MM-DD..." as {@link LocalDate#parse} reads its first ten characters, without the
     * formatter: read for every dated entry of a record, this is on the hot path of a large bundle. Throws as parse
     * does when it is no date.
     */
    private static LocalDate fullDate(String written) {
        if (written.charAt(4) != '-' || written.charAt(7) != '-') throw new IllegalArgumentException("not a date: " + written);
        return LocalDate.of(digits(written, 0, 4), digits(written, 5, 7), digits(written, 8, 10));
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("not a date: " + s);
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
