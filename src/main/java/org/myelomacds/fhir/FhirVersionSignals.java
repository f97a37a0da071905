package org.myelomacds.fhir;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Recognises resources written for another FHIR version by their top-level shape, before any HAPI parsing.
 * <p>
 * Heuristic (kept deliberately small): bundles rarely declare {@code fhirVersion}, and strict R4 parsing only
 * says "unknown element". So a short list of elements that exist in R5 (or STU3/DSTU2) but not in R4, for the
 * resource types we read, is checked here; one hit refuses the bundle as "not FHIR R4", because a producer
 * writing one resource in another version writes them all that way. Anything else strict parsing rejects stays an
 * entry-level problem, unless most entries fail that way (see {@link BundleReader}).
 */
final class FhirVersionSignals {
    private FhirVersionSignals() { }

    private static final String R5 = "R5";
    private static final String STU3 = "STU3";
    private static final String DSTU2 = "DSTU2";

    /** resourceType → element → (version, R4 alternative). */
    private static final Map<String, Map<String, String[]>> ELEMENTS = Map.of(
            "MedicationStatement", Map.of(
                    "medication", new String[] {R5, "a CodeableReference; R4 uses medicationCodeableConcept or medicationReference"},
                    "adherence", new String[] {R5, "R4 has no adherence"},
                    "reason", new String[] {R5, "R4 uses reasonCode/reasonReference"},
                    "taken", new String[] {STU3, "R4 has no taken flag (status not-taken)"},
                    "reasonNotTaken", new String[] {STU3, "R4 uses statusReason"},
                    "wasNotTaken", new String[] {DSTU2, "R4 uses status not-taken"}),
            "MedicationRequest", Map.of(
                    "medication", new String[] {R5, "a CodeableReference; R4 uses medicationCodeableConcept or medicationReference"},
                    "renderedDosageInstruction", new String[] {R5, "R4 has no renderedDosageInstruction"},
                    "effectiveDosePeriod", new String[] {R5, "R4 has no effectiveDosePeriod"},
                    "reason", new String[] {R5, "R4 uses reasonCode/reasonReference"},
                    "context", new String[] {STU3, "R4 uses encounter"}),
            "MedicationAdministration", Map.of(
                    "medication", new String[] {R5, "a CodeableReference; R4 uses medicationCodeableConcept or medicationReference"},
                    "occurenceDateTime", new String[] {R5, "R4 uses effectiveDateTime"},
                    "occurencePeriod", new String[] {R5, "R4 uses effectivePeriod"},
                    "isSubPotent", new String[] {R5, "R4 has no isSubPotent"},
                    "notGiven", new String[] {STU3, "R4 uses status not-done"},
                    "reasonNotGiven", new String[] {STU3, "R4 uses statusReason"}),
            "Observation", Map.of(
                    "triggeredBy", new String[] {R5, "R4 has no triggeredBy"},
                    "instantiatesCanonical", new String[] {R5, "R4 has no instantiates[x]"},
                    "bodyStructure", new String[] {R5, "R4 uses bodySite"},
                    "context", new String[] {STU3, "R4 uses encounter"}),
            "Condition", Map.of(
                    "participant", new String[] {R5, "R4 uses recorder/asserter"},
                    "assertedDate", new String[] {STU3, "R4 uses recordedDate"},
                    "context", new String[] {STU3, "R4 uses encounter"},
                    "patient", new String[] {DSTU2, "R4 uses subject"},
                    "dateRecorded", new String[] {DSTU2, "R4 uses recordedDate"}),
            "Procedure", Map.of(
                    "occurrenceDateTime", new String[] {R5, "R4 uses performedDateTime"},
                    "occurrencePeriod", new String[] {R5, "R4 uses performedPeriod"},
                    "reason", new String[] {R5, "R4 uses reasonCode/reasonReference"},
                    "notDone", new String[] {STU3, "R4 uses status not-done"},
                    "context", new String[] {STU3, "R4 uses encounter"}),
            "AllergyIntolerance", Map.of(
                    "participant", new String[] {R5, "R4 uses recorder/asserter"},
                    "assertedDate", new String[] {STU3, "R4 uses recordedDate"}),
            "Patient", Map.of(
                    "animal", new String[] {STU3, "R4 has no Patient.animal"}));

    /** Status elements that STU3 coded as a plain string and R4 as a CodeableConcept. */
    private static final Map<String, String[]> STU3_CODE_STATUSES = Map.of(
            "Condition", new String[] {"clinicalStatus", "verificationStatus"},
            "AllergyIntolerance", new String[] {"clinicalStatus", "verificationStatus"});

    /** The foreign-version element found: its FHIR path and a description naming the version. */
    record Signal(String field, String message) { }

    static Optional<Signal> foreignElement(String resourceType, ObjectNode resource) {
        Map<String, String[]> elements = ELEMENTS.get(resourceType);
        if (elements != null) {
            for (Iterator<String> it = resource.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                String[] hit = elements.get(name);
                if (hit != null) {
                    return Optional.of(new Signal(resourceType + "." + name,
                            resourceType + "." + name + " is a FHIR " + hit[0] + " element (" + hit[1] + ")"));
                }
            }
        }
        String[] statuses = STU3_CODE_STATUSES.get(resourceType);
        if (statuses != null) {
            for (String status : statuses) {
                JsonNode value = resource.get(status);
                if (value != null && value.isTextual()) {
                    return Optional.of(new Signal(resourceType + "." + status,
                            resourceType + "." + status + " is a plain code as in FHIR STU3 (R4 uses a CodeableConcept)"));
                }
            }
        }
        return Optional.empty();
    }
}
