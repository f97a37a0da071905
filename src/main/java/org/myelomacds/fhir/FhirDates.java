package org.myelomacds.fhir;

import java.time.LocalDate;
import java.time.Period;

import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Type;

/**
 * FHIR date/dateTime → LocalDate. The calendar date is taken as written (the producer's local date), not shifted
 * to the JVM's zone; partial dates take the first day of the stated month or year.
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

    /** A dateTime or the start of a Period, from a choice element such as effective[x] or onset[x]. */
    static LocalDate startOf(Type choice) {
        if (choice instanceof DateTimeType dt) return of(dt);
        if (choice instanceof org.hl7.fhir.r4.model.Period p) return of(p.getStartElement());
        if (choice instanceof org.hl7.fhir.r4.model.InstantType i) return of(i);
        return null;
    }

    static LocalDate endOf(Type choice) {
        if (choice instanceof org.hl7.fhir.r4.model.Period p) return of(p.getEndElement());
        return null;
    }

    /** Completed years between birth and asOf; null when unknown or when the birth date is after asOf. */
    static Integer ageAt(LocalDate birthDate, LocalDate asOf) {
        if (birthDate == null || asOf == null || birthDate.isAfter(asOf)) return null;
        return Period.between(birthDate, asOf).getYears();
    }
}
