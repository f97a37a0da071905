package org.myelomacds.fhir;

import org.myelomacds.evidence.terminology.ObservationTerms;
import org.myelomacds.facts.MeasurementKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FHIR R4 resources a CDS card proposes to create for the orders a flag's rule proposes: draft orders with
 * intent {@code proposal}, so nothing is ordered until the clinician accepts and signs. Only coded orders are
 * proposed: an action without a code an EHR can act on (e.g. "bronchodilator prophylaxis", a class, not a product)
 * stays an action text on the card. Built as plain JSON maps
 * (the card model carries them as-is); the code of each test is the first code of its value set in the rulebase's
 * terminology — one the engine itself reads, so an accepted order's result is recognised on the next evaluation.
 */
public final class ProposedOrders {
    private ProposedOrders() {}

    // One ServiceRequest per test: the codings of one CodeableConcept must mean the same thing, so two tests never
    // share a request.

    /**
     * A draft order for the test a rule proposed: coded with the first code of the measurement's value set, named as
     * the rule names it, with the flag's action (why, and what else to do, e.g. tell the blood bank) as its note.
     *
     * @param measurement the {@link MeasurementKind} the test yields, by name, as a flag's proposal carries it
     * @throws IllegalArgumentException when no measurement has that name (a rulebase newer than this code)
     * @throws IllegalStateException when the value set lists no explicit code to order (the terminology check reports it)
     */
    public static Map<String, Object> test(String patientId, String measurement, String name, String why,
                                           ObservationTerms codes) {
        Map<String, Object> r = serviceRequest(patientId, name, coding(codes.preferred(MeasurementKind.valueOf(measurement))));
        if (why != null && !why.isBlank()) r.put("note", List.of(Map.of("text", why)));
        return r;
    }

    @SafeVarargs
    private static Map<String, Object> serviceRequest(String patientId, String text, Map<String, Object>... codings) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "ServiceRequest");
        r.put("status", "draft");
        r.put("intent", "proposal");
        // Ordered maps: Map.of iterates in a per-JVM random order, and the same request must give the same bytes.
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("coding", List.of(codings));
        code.put("text", text);
        r.put("code", code);
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
