package org.myelomacds.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import org.myelomacds.evidence.terminology.DrugCatalogue;
import org.myelomacds.facts.Drug;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code draftOrders} Bundle of an order-select or order-sign hook and names the anti-CD38 antibodies its
 * MedicationRequests order, recognised with the same drug catalogue as the patient's history (the rulebase's
 * terminology: RxNorm, ATC, HCPCS or name), whether the drug is a {@code medicationCodeableConcept}, a contained
 * Medication or a Medication elsewhere in the Bundle.
 */
public final class DraftOrders {
    /** One draft MedicationRequest that orders an anti-CD38 antibody: its id (may be null) and the drug. */
    public record AntiCd38Order(String reference, Drug drug) {}

    private DraftOrders() {}

    /**
     * The anti-CD38 orders among {@code draftOrders}; when {@code selections} is non-empty (order-select), only the
     * orders it names ("MedicationRequest/id") count, since those are the ones the clinician is acting on.
     */
    public static List<AntiCd38Order> antiCd38Orders(JsonNode draftOrders, List<String> selections, DrugCatalogue drugs) {
        List<AntiCd38Order> out = new ArrayList<>();
        if (draftOrders == null || !draftOrders.isObject()) return out;
        List<JsonNode> resources = new ArrayList<>();
        if ("Bundle".equals(draftOrders.path("resourceType").asText())) {
            for (JsonNode e : draftOrders.path("entry")) if (e.path("resource").isObject()) resources.add(e.path("resource"));
        } else {
            resources.add(draftOrders);
        }
        Map<String, JsonNode> medications = new HashMap<>();
        for (JsonNode r : resources) {
            if ("Medication".equals(r.path("resourceType").asText()) && r.hasNonNull("id")) {
                medications.put("Medication/" + r.get("id").asText(), r);
            }
        }
        for (JsonNode r : resources) {
            if (!"MedicationRequest".equals(r.path("resourceType").asText())) continue;
            String ref = r.hasNonNull("id") ? "MedicationRequest/" + r.get("id").asText() : null;
            if (selections != null && !selections.isEmpty() && (ref == null || !selections.contains(ref))) continue;
            drugOf(r, medications, drugs).filter(Drug::isAntiCd38).ifPresent(d -> out.add(new AntiCd38Order(ref, d)));
        }
        return out;
    }

    private static Optional<Drug> drugOf(JsonNode request, Map<String, JsonNode> bundled, DrugCatalogue drugs) {
        if (request.path("medicationCodeableConcept").isObject()) return fromConcept(request.get("medicationCodeableConcept"), drugs);
        String ref = request.path("medicationReference").path("reference").asText("");
        if (ref.startsWith("#")) {
            for (JsonNode c : request.path("contained")) {
                if ("Medication".equals(c.path("resourceType").asText()) && ref.substring(1).equals(c.path("id").asText())) {
                    return fromConcept(c.path("code"), drugs);
                }
            }
        } else if (bundled.containsKey(ref)) {
            return fromConcept(bundled.get(ref).path("code"), drugs);
        }
        return fromText(request.path("medicationReference").path("display").asText(null), drugs);
    }

    private static Optional<Drug> fromConcept(JsonNode concept, DrugCatalogue drugs) {
        for (JsonNode coding : concept.path("coding")) {
            Optional<DrugCatalogue.DrugMatch> m = drugs.byCode(coding.path("system").asText(null), coding.path("code").asText(null));
            if (m.isPresent()) return Optional.of(m.get().drug());
        }
        for (JsonNode coding : concept.path("coding")) {
            Optional<Drug> d = fromText(coding.path("display").asText(null), drugs);
            if (d.isPresent()) return d;
        }
        return fromText(concept.path("text").asText(null), drugs);
    }

    private static Optional<Drug> fromText(String text, DrugCatalogue drugs) {
        return drugs.byName(text).map(DrugCatalogue.DrugMatch::drug);
    }
}
