package org.myelomacds.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.util.function.Function;

import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Type;

/**
 * FHIR date/dateTime → LocalDate. The calendar date is taken as written (the producer's local date), not shifted
 * to the JVM's zone. A partial date (YYYY, YYYY-MM) is an interval: {@link #of} gives its first day (where a start is
 * placed), {@link #latest} its last day (where an end is placed); callers keep both so a decision that depends on the
 * unknown part can say so.
 */
final class FhirDates {
    private FhirDates() { }

    static LocalDate of(BaseDateTimeType value) {
        if (value == null || value.isEmpty()) return null;
        String s = value.getValueAsString();
        if (s == null) return null;
        try {
            if (s.length() >= 10) return LocalDate.parse(s.substring(0, 10));
            if (s.length() == 7) return LocalDate.parse(s + "-01");
            if (s.length() == 4) return LocalDate.of(Integer.parseInt(s), 1, 1);
        } catch (RuntimeException e) {
            return null; // HAPI has already validated the format; anything else is not a calendar date we can use
        }
        return null;
    }

    /** The last day a (possibly partial) date can stand for: 2026-07 → 2026-07-31, 2026 → 2026-12-31. */
    static LocalDate latest(BaseDateTimeType value) {
        LocalDate first = of(value);
        if (first == null) return null;
        String s = value.getValueAsString();
        if (s.length() == 7) return java.time.YearMonth.from(first).atEndOfMonth();
        if (s.length() == 4) return LocalDate.of(first.getYear(), 12, 31);
        return first;
    }

    /** The latest day the start of a choice element (dateTime or Period start) can stand for. */
    static LocalDate latestStartOf(Type choice) { return startOf(choice, FhirDates::latest); }

    /** The latest day a Period's end can stand for (null for a dateTime or without an end). */
    static LocalDate latestEndOf(Type choice) { return endOf(choice, FhirDates::latest); }

    /** A dateTime or the start of a Period, from a choice element such as effective[x] or onset[x]. */
    static LocalDate startOf(Type choice) { return startOf(choice, FhirDates::of); }

    static LocalDate endOf(Type choice) { return endOf(choice, FhirDates::of); }

    /** The start of a choice element read as {@code day} reads a (possibly partial) date: its first or its last day. */
    private static LocalDate startOf(Type choice, Function<BaseDateTimeType, LocalDate> day) {
        if (choice instanceof BaseDateTimeType dt) return day.apply(dt);
        if (choice instanceof org.hl7.fhir.r4.model.Period p) return day.apply(p.getStartElement());
        return null;
    }

    private static LocalDate endOf(Type choice, Function<BaseDateTimeType, LocalDate> day) {
        if (choice instanceof org.hl7.fhir.r4.model.Period p) return day.apply(p.getEndElement());
        return null;
    }

    /**
     * A period read as running from {@code start} (its earliest day) to {@code end} (its latest day) whose end lies surely
     * before its start: a data error (a mistyped year), not a course (CDS-POLICY-PERIOD-END-BEFORE-START). A start and
     * an end on the same day are one day, and a partial end that may fall on or after the start is not reversed.
     */
    static boolean endsBeforeStart(LocalDate start, LocalDate end) {
        return start != null && end != null && end.isBefore(start);
    }

    /** The end of a Period as written ("2022-08-01", "2022-08"), to be quoted; null without one. */
    static String endAsRecorded(Type choice) {
        if (!(choice instanceof org.hl7.fhir.r4.model.Period p) || !p.hasEnd()) return null;
        String s = p.getEndElement().getValueAsString();
        return s == null ? null : s.length() > 10 ? s.substring(0, 10) : s;
    }

    /** Completed years between birth and asOf; null when unknown or when the birth date is after asOf. */
    static Integer ageAt(LocalDate birthDate, LocalDate asOf) {
        if (birthDate == null || asOf == null || birthDate.isAfter(asOf)) return null;
        return Period.between(birthDate, asOf).getYears();
    }
}
