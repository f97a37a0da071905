package org.myelomacds.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prefetch keys of the patient-view and order services, one place for the discovery document, the request
 * handling and the load generator. Every resource type the engine reads has a key; a Medication referenced by a
 * medication resource travels in the same searchset Bundle as an {@code _include} (search.mode "include").
 * {@code patient} is the Patient resource itself; every other key holds a searchset Bundle.
 */
public final class PrefetchKeys {
    public static final String PATIENT = "patient";
    public static final String CONDITIONS = "conditions";
    public static final String OBSERVATIONS = "observations";
    public static final String MEDICATION_STATEMENTS = "medicationStatements";
    public static final String MEDICATION_ADMINISTRATIONS = "medicationAdministrations";
    public static final String MEDICATION_REQUESTS = "medicationRequests";
    public static final String MEDICATION_DISPENSES = "medicationDispenses";
    public static final String PROCEDURES = "procedures";
    public static final String ALLERGIES = "allergies";
    public static final String ADVERSE_EVENTS = "adverseEvents";

    /** Every key, in discovery order. */
    public static final List<String> ALL = List.of(PATIENT, CONDITIONS, OBSERVATIONS, MEDICATION_STATEMENTS,
            MEDICATION_ADMINISTRATIONS, MEDICATION_REQUESTS, MEDICATION_DISPENSES, PROCEDURES, ALLERGIES, ADVERSE_EVENTS);

    /** The FHIR resource type each key carries (its matches; included Medications aside). */
    public static final Map<String, String> RESOURCE_TYPES = ordered(
            PATIENT, "Patient",
            CONDITIONS, "Condition",
            OBSERVATIONS, "Observation",
            MEDICATION_STATEMENTS, "MedicationStatement",
            MEDICATION_ADMINISTRATIONS, "MedicationAdministration",
            MEDICATION_REQUESTS, "MedicationRequest",
            MEDICATION_DISPENSES, "MedicationDispense",
            PROCEDURES, "Procedure",
            ALLERGIES, "AllergyIntolerance",
            ADVERSE_EVENTS, "AdverseEvent");

    /** Prefetch templates (CDS Hooks 2.0 prefetch tokens) that fetch what the engine reads for one patient. */
    public static final Map<String, String> TEMPLATES = ordered(
            PATIENT, "Patient/{{context.patientId}}",
            CONDITIONS, "Condition?patient={{context.patientId}}",
            OBSERVATIONS, "Observation?patient={{context.patientId}}",
            MEDICATION_STATEMENTS, "MedicationStatement?patient={{context.patientId}}&_include=MedicationStatement:medication",
            MEDICATION_ADMINISTRATIONS, "MedicationAdministration?patient={{context.patientId}}&_include=MedicationAdministration:medication",
            MEDICATION_REQUESTS, "MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication",
            // Pharmacy systems often hold the only record of an oral drug (lenalidomide, pomalidomide) taken at home.
            MEDICATION_DISPENSES, "MedicationDispense?patient={{context.patientId}}&_include=MedicationDispense:medication",
            PROCEDURES, "Procedure?patient={{context.patientId}}",
            ALLERGIES, "AllergyIntolerance?patient={{context.patientId}}",
            // An adverse event names the drug a patient did not tolerate (DRUG_INTOLERANCE); R4 searches it by subject.
            ADVERSE_EVENTS, "AdverseEvent?subject={{context.patientId}}");

    private PrefetchKeys() {}

    /** The key whose searchset carries resources of this type, or null for types the engine does not read. */
    public static String keyFor(String resourceType) {
        for (Map.Entry<String, String> e : RESOURCE_TYPES.entrySet()) {
            if (e.getValue().equals(resourceType)) return e.getKey();
        }
        return null;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
