package org.myelomacds.fhir;

import java.time.LocalDate;

import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.myelomacds.facts.PatientDemographics;
import org.myelomacds.facts.Sex;

/** Patient → PatientDemographics: id, administrative sex, birth date and age in completed years at asOf. */
final class PatientMapper {
    private PatientMapper() { }

    static PatientDemographics map(Patient patient, ScannedEntry entry, LocalDate asOf) {
        LocalDate birthDate = patient.hasBirthDateElement() ? FhirDates.of(patient.getBirthDateElement()) : null;
        // a birth date recorded as a year or a month is an interval: the age at asOf is a range (youngest: born on its
        // last possible day, no later than asOf)
        LocalDate birthLatest = patient.hasBirthDateElement() ? FhirDates.latest(patient.getBirthDateElement()) : null;
        if (birthLatest != null && asOf != null && birthLatest.isAfter(asOf)) birthLatest = asOf;
        String id = entry.id() != null ? entry.id() : entry.reference();
        return new PatientDemographics(id, sex(patient.getGender()), birthDate, birthLatest,
                FhirDates.ageAt(birthDate, asOf), FhirDates.ageAt(birthLatest, asOf),
                new org.myelomacds.facts.Provenance(entry.reference(), null));
    }

    private static Sex sex(AdministrativeGender gender) {
        if (gender == null) return Sex.UNKNOWN;
        switch (gender) {
            case MALE: return Sex.MALE;
            case FEMALE: return Sex.FEMALE;
            case OTHER: return Sex.OTHER;
            default: return Sex.UNKNOWN;
        }
    }
}
