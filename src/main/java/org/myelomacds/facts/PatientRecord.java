package org.myelomacds.facts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the mapper read from one bundle, as plain facts with units normalised and provenance kept.
 * {@code unreadable} lists the parts that could not be read; {@code skippedResources} counts entries of resource
 * types the engine does not read (by type), so a report can say what was not looked at; {@code unrecognised} lists codes
 * in a category the engine reads that it did not recognise, for a reviewer; {@code intolerances} the drug intolerances
 * stated by AllergyIntolerance resources (those stated by a medication's status reason are derived from {@code medications}).
 */
public record PatientRecord(
        PatientDemographics patient,
        List<ClinicalCondition> conditions,
        List<Measurement> measurements,
        List<DiseaseStatus> diseaseStatuses,
        List<TransplantEligibilityAssertion> transplantAssertions,
        List<MedicationRecord> medications,
        List<ProcedureRecord> procedures,
        List<AllergyRecord> allergies,
        List<CytogeneticFinding> cytogenetics,
        List<ParaproteinIsotype> isotypes,
        List<UnreadableInput> unreadable,
        Map<String, Integer> skippedResources,
        List<UnrecognisedCode> unrecognised,
        List<DrugIntolerance> intolerances) {
    // A replay reads nothing dated after asOf (fhir.AsOfCut): Conditions dated after it are not kept at all, so the
    // record has no list of them (the always-empty conditionsAfterAsOf was removed, sweep s13-replay3 RP3-2).

    /** A record without intolerances read from AllergyIntolerance (the shape before they were read). */
    public PatientRecord(PatientDemographics patient, List<ClinicalCondition> conditions, List<Measurement> measurements,
                         List<DiseaseStatus> diseaseStatuses, List<TransplantEligibilityAssertion> transplantAssertions,
                         List<MedicationRecord> medications, List<ProcedureRecord> procedures, List<AllergyRecord> allergies,
                         List<CytogeneticFinding> cytogenetics, List<ParaproteinIsotype> isotypes,
                         List<UnreadableInput> unreadable, Map<String, Integer> skippedResources,
                         List<UnrecognisedCode> unrecognised) {
        this(patient, conditions, measurements, diseaseStatuses, transplantAssertions, medications, procedures, allergies,
                cytogenetics, isotypes, unreadable, skippedResources, unrecognised, List.of());
    }

    /** A record without unrecognised codes to report (the shape before they were collected). */
    public PatientRecord(PatientDemographics patient, List<ClinicalCondition> conditions, List<Measurement> measurements,
                         List<DiseaseStatus> diseaseStatuses, List<TransplantEligibilityAssertion> transplantAssertions,
                         List<MedicationRecord> medications, List<ProcedureRecord> procedures, List<AllergyRecord> allergies,
                         List<CytogeneticFinding> cytogenetics, List<ParaproteinIsotype> isotypes,
                         List<UnreadableInput> unreadable, Map<String, Integer> skippedResources) {
        this(patient, conditions, measurements, diseaseStatuses, transplantAssertions, medications, procedures, allergies,
                cytogenetics, isotypes, unreadable, skippedResources, List.of());
    }

    /** The same record with these disease-status assessments (a derived progression fed back to the timeline). */
    public PatientRecord withDiseaseStatuses(List<DiseaseStatus> statuses) {
        return new PatientRecord(patient, conditions, measurements, statuses, transplantAssertions, medications,
                procedures, allergies, cytogenetics, isotypes, unreadable, skippedResources, unrecognised, intolerances);
    }

    /** The same record with these medication records (statements placed or left out by the timeline). */
    public PatientRecord withMedications(List<MedicationRecord> medications) {
        return new PatientRecord(patient, conditions, measurements, diseaseStatuses, transplantAssertions, medications,
                procedures, allergies, cytogenetics, isotypes, unreadable, skippedResources, unrecognised, intolerances);
    }

    public PatientRecord {
        Objects.requireNonNull(patient, "patient");
        conditions = List.copyOf(conditions);
        measurements = List.copyOf(measurements);
        diseaseStatuses = List.copyOf(diseaseStatuses);
        transplantAssertions = List.copyOf(transplantAssertions);
        medications = List.copyOf(medications);
        procedures = List.copyOf(procedures);
        allergies = List.copyOf(allergies);
        cytogenetics = List.copyOf(cytogenetics);
        isotypes = List.copyOf(isotypes);
        unreadable = List.copyOf(unreadable);
        skippedResources = java.util.Collections.unmodifiableMap(new TreeMap<>(skippedResources));
        unrecognised = unrecognised == null ? List.of() : List.copyOf(unrecognised);
        intolerances = intolerances == null ? List.of() : List.copyOf(intolerances);
    }

    public boolean isComplete() { return unreadable.isEmpty(); }
}
