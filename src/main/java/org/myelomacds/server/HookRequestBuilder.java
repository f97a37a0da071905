package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the CDS Hooks request an EHR would send for a patient whose record is a FHIR Bundle: every prefetch key of
 * our discovery ({@link PrefetchKeys}) filled as a FHIR server answers it — the Patient as a resource, every other key
 * as a searchset Bundle (empty when the patient has none, so prefetch stays complete), a Medication referenced by a
 * medication resource as an {@code _include} entry of that resource's searchset. The one builder of such requests:
 * {@code hook-request} (README curl session), the load generator and the tests use it.
 */
public final class HookRequestBuilder {
    /** Where the resources of a bundle whose fullUrls are urn:uuid are said to live, as a FHIR server would answer. */
    public static final String FHIR_BASE = "https://ehr.example.org/fhir/";

    private HookRequestBuilder() {}

    /**
     * The prefetch object for {@code bundle}; throws IllegalArgumentException naming what is wrong (not a Bundle, no
     * Patient, more than one Patient).
     */
    public static ObjectNode prefetch(ObjectMapper json, JsonNode bundle) {
        requireBundle(bundle);
        JsonNode b = withServerReferences(json, bundle);
        JsonNode patient = null;
        Map<String, ArrayNode> matches = new LinkedHashMap<>();
        Map<String, JsonNode> medications = new HashMap<>();
        for (JsonNode entry : b.path("entry")) {
            JsonNode r = entry.path("resource");
            String type = r.path("resourceType").asText();
            if (type.equals("Medication")) {
                medications.put(entry.path("fullUrl").asText("Medication/" + r.path("id").asText()), entry);
                medications.put("Medication/" + r.path("id").asText(), entry);
                continue;
            }
            String key = PrefetchKeys.keyFor(type);
            if (key == null) continue;
            if (key.equals(PrefetchKeys.PATIENT)) {
                if (patient != null) throw new IllegalArgumentException("the bundle holds more than one Patient");
                patient = r;
            } else {
                matches.computeIfAbsent(key, k -> json.createArrayNode()).add(searchEntry(json, entry, "match"));
            }
        }
        if (patient == null) throw new IllegalArgumentException("the bundle holds no Patient");

        ObjectNode prefetch = json.createObjectNode();
        for (String key : PrefetchKeys.ALL) {
            if (key.equals(PrefetchKeys.PATIENT)) {
                prefetch.set(key, patient);
                continue;
            }
            ArrayNode found = matches.getOrDefault(key, json.createArrayNode());
            ObjectNode searchset = prefetch.putObject(key);
            searchset.put("resourceType", "Bundle").put("type", "searchset").put("total", found.size());
            ArrayNode entries = searchset.putArray("entry");
            entries.addAll(found);
            Set<JsonNode> included = new HashSet<>();
            for (JsonNode e : found) {
                JsonNode med = medications.get(e.path("resource").path("medicationReference").path("reference").asText(""));
                if (med != null && included.add(med)) entries.add(searchEntry(json, med, "include"));
            }
        }
        return prefetch;
    }

    /** A complete patient-view request with full prefetch and a fresh hookInstance. */
    public static ObjectNode patientView(ObjectMapper json, JsonNode bundle) {
        ObjectNode prefetch = prefetch(json, bundle);
        ObjectNode req = json.createObjectNode();
        req.put("hook", "patient-view");
        req.put("hookInstance", UUID.randomUUID().toString());
        ObjectNode context = req.putObject("context");
        context.put("userId", "Practitioner/example");
        context.put("patientId", prefetch.path(PrefetchKeys.PATIENT).path("id").asText());
        req.set("prefetch", prefetch);
        return req;
    }

    /**
     * Turns a patient-view request into an order-select or order-sign one with a single draft MedicationRequest for
     * {@code drugText} (order-select also selects it).
     */
    public static ObjectNode withDraftOrder(ObjectNode request, String hook, String drugText) {
        request.put("hook", hook);
        ObjectNode ctx = (ObjectNode) request.get("context");
        ObjectNode draft = ctx.putObject("draftOrders");
        draft.put("resourceType", "Bundle");
        draft.put("type", "collection");
        ObjectNode mr = draft.putArray("entry").addObject().putObject("resource");
        mr.put("resourceType", "MedicationRequest");
        mr.put("id", "draft-1");
        mr.put("status", "draft");
        mr.put("intent", "order");
        mr.putObject("medicationCodeableConcept").put("text", drugText);
        mr.putObject("subject").put("reference", "Patient/" + ctx.get("patientId").asText());
        if (hook.equals("order-select")) ctx.putArray("selections").add("MedicationRequest/draft-1");
        return request;
    }

    /** The number of bundle entries of types no prefetch key carries (CarePlan, Encounter...), left out of the request. */
    public static int notPrefetched(JsonNode bundle) {
        int n = 0;
        for (JsonNode e : bundle.path("entry")) {
            String type = e.path("resource").path("resourceType").asText();
            if (!type.equals("Medication") && PrefetchKeys.keyFor(type) == null) n++;
        }
        return n;
    }

    /**
     * The bundle as a FHIR server's search results would carry it: server ids and relative references
     * ("Patient/pt-1"), never the urn:uuid identities of a transaction or collection Bundle. A urn:uuid fullUrl becomes
     * {@link #FHIR_BASE} + Type/id (the id taken from the urn when the resource has none), and every reference to it
     * the relative Type/id.
     */
    public static JsonNode withServerReferences(ObjectMapper json, JsonNode bundle) {
        Map<String, String> relative = new HashMap<>();
        for (JsonNode e : bundle.path("entry")) {
            String fullUrl = e.path("fullUrl").asText("");
            JsonNode r = e.path("resource");
            if (fullUrl.startsWith("urn:") && r.hasNonNull("resourceType")) {
                String id = r.hasNonNull("id") ? r.get("id").asText() : fullUrl.substring(fullUrl.lastIndexOf(':') + 1);
                relative.put(fullUrl, r.get("resourceType").asText() + "/" + id);
            }
        }
        if (relative.isEmpty()) return bundle;
        JsonNode copy = bundle.deepCopy();
        for (JsonNode e : copy.path("entry")) {
            String rel = relative.get(e.path("fullUrl").asText(""));
            if (rel == null || !e.path("resource").isObject()) continue;
            ObjectNode entry = (ObjectNode) e;
            entry.put("fullUrl", FHIR_BASE + rel);
            ((ObjectNode) entry.get("resource")).put("id", rel.substring(rel.indexOf('/') + 1));
        }
        rewriteReferences(copy, relative);
        return copy;
    }

    private static void requireBundle(JsonNode bundle) {
        if (bundle == null || !"Bundle".equals(bundle.path("resourceType").asText())) {
            throw new IllegalArgumentException("not a FHIR Bundle (resourceType is not \"Bundle\")");
        }
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> relative) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            JsonNode ref = o.get("reference");
            if (ref != null && ref.isTextual() && relative.containsKey(ref.asText())) o.put("reference", relative.get(ref.asText()));
            o.elements().forEachRemaining(child -> rewriteReferences(child, relative));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteReferences(child, relative));
        }
    }

    private static ObjectNode searchEntry(ObjectMapper json, JsonNode entry, String mode) {
        ObjectNode e = json.createObjectNode();
        if (entry.hasNonNull("fullUrl")) e.put("fullUrl", entry.get("fullUrl").asText());
        e.set("resource", entry.path("resource"));
        e.putObject("search").put("mode", mode);
        return e;
    }
}
