package org.myelomacds.fhir;

import org.myelomacds.evidence.terminology.ObservationTerms;
import org.myelomacds.facts.MeasurementKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FHIR R4 resources a CDS card proposes to create when a flag names a concrete action: draft orders with
 * intent {@code proposal}, so nothing is ordered until the clinician accepts and signs. Built as plain JSON maps
 * (the card model carries them as-is); the code of each test is the first code of its value set in the rulebase's
 * terminology — one the engine itself reads, so an accepted order's result is recognised on the next evaluation.
 */
public final class ProposedOrders {
    private ProposedOrders() {}

    // One ServiceRequest per test: the codings of one CodeableConcept must mean the same thing, so two tests never
    // share a request.

    /** ABO/Rh group before the first anti-CD38 dose (CD38 on red cells interferes with pre-transfusion testing). */
    public static Map<String, Object> aboRhGroup(String patientId, ObservationTerms codes) {
        return serviceRequest(patientId, "Blood bank: ABO/Rh group before the first anti-CD38 dose; notify the blood bank of anti-CD38 therapy",
                coding(codes.preferred(MeasurementKind.ABO_RH_GROUP)));
    }

    /** Antibody screen before the first anti-CD38 dose, while the indirect antiglobulin test is still free of interference. */
    public static Map<String, Object> antibodyScreen(String patientId, ObservationTerms codes) {
        return serviceRequest(patientId, "Blood bank: antibody screen (with extended phenotype or genotype where available) before "
                        + "the first anti-CD38 dose; notify the blood bank of anti-CD38 therapy",
                coding(codes.preferred(MeasurementKind.ANTIBODY_SCREEN)));
    }

    /** Hepatitis B surface antigen before daratumumab (HBV reactivation). */
    public static Map<String, Object> hbsAg(String patientId, ObservationTerms codes) {
        return serviceRequest(patientId, "Hepatitis B screening before daratumumab: HBsAg", coding(codes.preferred(MeasurementKind.HBSAG)));
    }

    /** Total hepatitis B core antibody before daratumumab: resolved infection can reactivate too. */
    public static Map<String, Object> antiHbc(String patientId, ObservationTerms codes) {
        return serviceRequest(patientId, "Hepatitis B screening before daratumumab: anti-HBc (total)",
                coding(codes.preferred(MeasurementKind.ANTI_HBC)));
    }

    /**
     * Post-infusion bronchodilator prophylaxis for a patient with COPD on daratumumab. The drug is left to the
     * prescriber (short- and long-acting bronchodilator, inhaled corticosteroid per the label), so the request names
     * the intent in text rather than inventing a product code.
     */
    public static Map<String, Object> bronchodilatorProphylaxis(String patientId) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "MedicationRequest");
        r.put("status", "draft");
        r.put("intent", "proposal");
        r.put("medicationCodeableConcept", Map.of("text",
                "Post-infusion bronchodilator prophylaxis (short- and long-acting bronchodilator, inhaled corticosteroid) after each daratumumab dose"));
        r.put("subject", Map.of("reference", "Patient/" + patientId));
        r.put("note", List.of(Map.of("text", "Daratumumab labels: consider for patients with COPD; may stop after the "
                + "first 4 doses if no major infusion- or administration-related reaction. Decision support; not a prescription.")));
        return r;
    }

    @SafeVarargs
    private static Map<String, Object> serviceRequest(String patientId, String text, Map<String, Object>... codings) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "ServiceRequest");
        r.put("status", "draft");
        r.put("intent", "proposal");
        r.put("code", Map.of("coding", List.of(codings), "text", text));
        r.put("subject", Map.of("reference", "Patient/" + patientId));
        return r;
    }

    private static Map<String, Object> coding(ObservationTerms.Coding coding) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("system", coding.system());
        c.put("code", coding.code());
        c.put("display", coding.display());
        return c;
    }
}
