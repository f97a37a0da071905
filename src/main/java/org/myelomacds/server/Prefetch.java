package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prefetch templates (CDS Hooks 2.0 "Prefetch Template") and the Bundle the engine reads, built from what the
 * client prefetched or what we fetched. The templates cover every resource type the engine reads (ARCHITECTURE §4):
 * a Medication referenced by a medication resource comes along through {@code _include}, so a
 * {@code medicationReference} resolves as it does in a bundle.
 */
final class Prefetch {
    static final Map<String, String> TEMPLATES = PrefetchKeys.TEMPLATES;

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*context\\.([A-Za-z]+)\\s*}}");

    private Prefetch() {}

    /** Replaces {{context.x}} with the context value, URL-encoded; a missing value makes the template unusable. */
    static String resolve(String template, JsonNode context) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode v = context.get(m.group(1));
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw ApiException.of(400, "required", "context." + m.group(1) + " is required to resolve the prefetch template " + template,
                        "context." + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(java.net.URLEncoder.encode(v.asText(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** True when a prefetch value carries data: a resource or a Bundle (an OperationOutcome says the client's prefetch failed). */
    static boolean usable(JsonNode value) {
        if (value == null || value.isNull() || !value.isObject()) return false;
        String type = value.path("resourceType").asText("");
        return !type.isEmpty() && !"OperationOutcome".equals(type);
    }

    /**
     * One collection Bundle from the prefetch values: a resource goes in as itself, a (searchset) Bundle gives its
     * entries' resources. A resource that arrives twice (e.g. a Medication included by two searches) goes in once; two
     * different resources under one type and id (two versions from a history read, overlapping searches) both go in, so
     * the reader treats them as it treats them in a bundle sent to the CLI (an unreadable part naming both entries),
     * and the answer never depends on which one a searchset listed first (FINDINGS G3).
     */
    static ObjectNode bundle(ObjectMapper json, Map<String, JsonNode> values, String patientId) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        Map<String, java.util.List<JsonNode>> seen = new java.util.HashMap<>();
        for (Map.Entry<String, JsonNode> kv : values.entrySet()) {
            JsonNode v = kv.getValue();
            String type = v.path("resourceType").asText();
            if ("Bundle".equals(type)) {
                int i = 0;
                for (JsonNode e : v.path("entry")) {
                    JsonNode r = e.path("resource");
                    if (!r.isObject()) {
                        throw ApiException.of(400, "structure", "prefetch." + kv.getKey() + ".entry[" + i + "] has no resource",
                                "prefetch." + kv.getKey() + ".entry[" + i + "]");
                    }
                    if (!"OperationOutcome".equals(r.path("resourceType").asText())) add(entries, seen, r, e.path("fullUrl").asText(null));
                    i++;
                }
            } else {
                if ("Patient".equals(type) && v.hasNonNull("id") && patientId != null && !patientId.equals(v.get("id").asText())) {
                    throw ApiException.of(400, "invalid", "prefetch." + kv.getKey() + " is Patient/" + v.get("id").asText()
                            + " but context.patientId is " + patientId + ": refusing to mix two patients' data", "prefetch." + kv.getKey() + ".id");
                }
                add(entries, seen, v, null);
            }
        }
        return bundle;
    }

    private static void add(ArrayNode entries, Map<String, java.util.List<JsonNode>> seen, JsonNode resource, String fullUrl) {
        String key = resource.path("resourceType").asText() + "/" + resource.path("id").asText("");
        if (resource.hasNonNull("id")) {
            java.util.List<JsonNode> versions = seen.computeIfAbsent(key, k -> new java.util.ArrayList<>());
            if (versions.contains(resource)) return;
            versions.add(resource);
        }
        ObjectNode e = entries.addObject();
        if (fullUrl != null && !fullUrl.isBlank()) e.put("fullUrl", fullUrl);
        else if (resource.hasNonNull("id")) e.put("fullUrl", key);
        e.set("resource", resource);
    }
}
