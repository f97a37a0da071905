package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the CDS Hooks request an EHR would send for a patient whose record is a FHIR Bundle: the prefetch keys of
 * our discovery filled as a FHIR server answers them (the Patient as a resource, every search as a searchset Bundle).
 * Used by {@code hook-request} (README curl session, load tests) and by the tests.
 * References by {@code urn:uuid} only mean something inside one Bundle; a FHIR server would have answered with
 * {@code Type/id}, so they are rewritten to that.
 */
public final class HookRequestBuilder {
    private HookRequestBuilder() {}

    /** The prefetch object for {@code bundle}: every template key, each answered as a FHIR server would. */
    public static ObjectNode prefetch(ObjectMapper json, JsonNode bundle) {
        JsonNode b = withServerReferences(json, bundle);
        ObjectNode prefetch = json.createObjectNode();
        Map<String, ArrayNode> searches = new LinkedHashMap<>();
        for (String key : Prefetch.TEMPLATES.keySet()) {
            if (key.equals("patient")) continue;
            ObjectNode searchset = json.createObjectNode();
            searchset.put("resourceType", "Bundle");
            searchset.put("type", "searchset");
            searches.put(key, searchset.putArray("entry"));
            prefetch.set(key, searchset);
        }
        for (JsonNode e : b.path("entry")) {
            JsonNode r = e.path("resource");
            String type = r.path("resourceType").asText();
            if (type.equals("Patient")) prefetch.set("patient", r);
            else if (type.equals("Medication")) {
                for (String key : new String[]{"medicationStatements", "medicationAdministrations", "medicationRequests"}) {
                    searches.get(key).addObject().<ObjectNode>set("resource", r).putObject("search").put("mode", "include");
                }
            } else if (PrefetchKeys.keyFor(type) != null) {
                searches.get(PrefetchKeys.keyFor(type)).addObject().<ObjectNode>set("resource", r).putObject("search").put("mode", "match");
            }
        }
        for (Map.Entry<String, ArrayNode> s : searches.entrySet()) ((ObjectNode) prefetch.get(s.getKey())).put("total", s.getValue().size());
        return prefetch;
    }

    /** A complete patient-view request with full prefetch. */
    public static ObjectNode patientView(ObjectMapper json, JsonNode bundle) {
        ObjectNode req = json.createObjectNode();
        req.put("hook", "patient-view");
        req.put("hookInstance", UUID.randomUUID().toString());
        ObjectNode context = req.putObject("context");
        context.put("userId", "Practitioner/example");
        context.put("patientId", patientId(bundle));
        req.set("prefetch", prefetch(json, bundle));
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

    public static String patientId(JsonNode bundle) {
        for (JsonNode e : bundle.path("entry")) {
            if ("Patient".equals(e.path("resource").path("resourceType").asText())) return e.path("resource").path("id").asText();
        }
        throw new IllegalArgumentException("bundle has no Patient with an id");
    }

    /** The bundle with every urn:uuid reference to a bundled resource replaced by that resource's Type/id. */
    public static JsonNode withServerReferences(ObjectMapper json, JsonNode bundle) {
        Map<String, String> byUrn = new HashMap<>();
        for (JsonNode e : bundle.path("entry")) {
            String full = e.path("fullUrl").asText("");
            JsonNode r = e.path("resource");
            if (full.startsWith("urn:") && r.hasNonNull("id")) byUrn.put(full, r.path("resourceType").asText() + "/" + r.path("id").asText());
        }
        JsonNode copy = bundle.deepCopy();
        rewrite(copy, byUrn);
        return copy;
    }

    private static void rewrite(JsonNode node, Map<String, String> byUrn) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            JsonNode ref = o.get("reference");
            if (ref != null && ref.isTextual() && byUrn.containsKey(ref.asText())) o.put("reference", byUrn.get(ref.asText()));
            o.fields().forEachRemaining(e -> rewrite(e.getValue(), byUrn));
        } else if (node.isArray()) {
            node.forEach(n -> rewrite(n, byUrn));
        }
    }
}
