package org.myelomacds.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.myelomacds.server.PrefetchKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A CDS Hooks patient-view request with full prefetch, built from a patient Bundle the way an EHR would send it:
 * the Patient resource under {@code patient}, every other resource the engine reads in a searchset Bundle under its
 * {@link PrefetchKeys} key, a Medication referenced by a medication resource included in that resource's searchset.
 * The body is serialised once; each request only gets a fresh hookInstance.
 */
final class PatientViewRequest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "00000000-0000-0000-0000-00000000feed";
    /** Labs a real chart carries that the engine does not read (still scanned on every request). */
    private static final String[][] OTHER_LABS = {{"718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "11.2"},
            {"777-3", "Platelets [#/volume] in Blood", "10*3/uL", "182"}, {"6690-2", "Leukocytes [#/volume] in Blood", "10*3/uL", "5.1"}};

    private final String prefix;
    private final String suffix;
    private final String patientId;
    private final Map<String, Integer> entriesPerKey;
    private final int skipped;

    private PatientViewRequest(String body, String patientId, Map<String, Integer> entriesPerKey, int skipped) {
        int at = body.indexOf(PLACEHOLDER);
        this.prefix = body.substring(0, at);
        this.suffix = body.substring(at + PLACEHOLDER.length());
        this.patientId = patientId;
        this.entriesPerKey = Map.copyOf(entriesPerKey);
        this.skipped = skipped;
    }

    /** Builds the request from a FHIR Bundle (any type); throws IllegalArgumentException naming what is wrong. */
    static PatientViewRequest fromBundle(byte[] bundleJson) throws IOException {
        JsonNode bundle = JSON.readTree(bundleJson);
        if (bundle == null || !"Bundle".equals(bundle.path("resourceType").asText())) throw new IllegalArgumentException("not a FHIR Bundle (resourceType is not \"Bundle\")");
        bundle = asServerWouldReturn(bundle);
        JsonNode patient = null;
        Map<String, ArrayNode> matches = new LinkedHashMap<>();
        Map<String, ArrayNode> includes = new LinkedHashMap<>();
        Map<String, JsonNode> medications = new LinkedHashMap<>();
        int skipped = 0;
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode r = entry.path("resource");
            String type = r.path("resourceType").asText();
            if (type.equals("Medication")) {
                medications.put(entry.path("fullUrl").asText("Medication/" + r.path("id").asText()), entry);
                medications.put("Medication/" + r.path("id").asText(), entry);
                continue;
            }
            String key = PrefetchKeys.keyFor(type);
            if (key == null) {
                skipped++;
            } else if (key.equals(PrefetchKeys.PATIENT)) {
                if (patient != null) throw new IllegalArgumentException("the bundle holds more than one Patient");
                patient = r;
            } else {
                matches.computeIfAbsent(key, k -> JSON.createArrayNode()).add(searchEntry(entry, "match"));
            }
        }
        if (patient == null) throw new IllegalArgumentException("the bundle holds no Patient");
        // Referenced Medications travel as _include entries of the searchset that references them.
        for (Map.Entry<String, ArrayNode> m : matches.entrySet()) {
            Set<JsonNode> added = new java.util.HashSet<>();
            for (JsonNode e : m.getValue()) {
                JsonNode med = medications.get(e.path("resource").path("medicationReference").path("reference").asText(""));
                if (med != null && added.add(med)) includes.computeIfAbsent(m.getKey(), k -> JSON.createArrayNode()).add(searchEntry(med, "include"));
            }
        }

        ObjectNode body = JSON.createObjectNode();
        body.put("hookInstance", PLACEHOLDER);
        body.put("hook", "patient-view");
        String patientId = patient.path("id").asText();
        body.putObject("context").put("userId", "Practitioner/load-test").put("patientId", patientId);
        ObjectNode prefetch = body.putObject("prefetch");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : PrefetchKeys.ALL) {
            if (key.equals(PrefetchKeys.PATIENT)) {
                prefetch.set(key, patient);
                counts.put(key, 1);
                continue;
            }
            ArrayNode entries = matches.getOrDefault(key, JSON.createArrayNode());
            // An empty searchset is what a FHIR server answers when the patient has none: prefetch stays complete.
            ObjectNode searchset = prefetch.putObject(key);
            searchset.put("resourceType", "Bundle").put("type", "searchset").put("total", entries.size());
            ArrayNode all = searchset.putArray("entry");
            all.addAll(entries);
            if (includes.containsKey(key)) all.addAll(includes.get(key));
            counts.put(key, all.size());
        }
        return new PatientViewRequest(JSON.writeValueAsString(body), patientId, counts, skipped);
    }

    /** Where the resources of a bundle whose fullUrls are urn:uuid are said to live, as a FHIR server would answer. */
    static final String FHIR_BASE = "https://ehr.example.org/fhir/";

    /**
     * A FHIR server's search results carry server ids and relative references ("Patient/pt-1"), never the
     * urn:uuid identities of a transaction or collection Bundle; so urn:uuid fullUrls and references are rewritten.
     */
    private static JsonNode asServerWouldReturn(JsonNode bundle) {
        Map<String, String> relative = new java.util.HashMap<>();
        for (JsonNode e : bundle.path("entry")) {
            String fullUrl = e.path("fullUrl").asText("");
            JsonNode r = e.path("resource");
            if (fullUrl.startsWith("urn:") && r.hasNonNull("resourceType")) {
                String id = r.hasNonNull("id") ? r.get("id").asText() : fullUrl.substring(fullUrl.lastIndexOf(':') + 1);
                relative.put(fullUrl, r.get("resourceType").asText() + "/" + id);
            }
        }
        if (relative.isEmpty()) return bundle;
        ObjectNode copy = bundle.deepCopy();
        for (JsonNode e : copy.path("entry")) {
            String rel = relative.get(e.path("fullUrl").asText(""));
            if (rel == null) continue;
            ObjectNode entry = (ObjectNode) e;
            entry.put("fullUrl", FHIR_BASE + rel);
            ((ObjectNode) entry.get("resource")).put("id", rel.substring(rel.indexOf('/') + 1));
            rewriteReferences(entry.get("resource"), relative);
        }
        return copy;
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

    private static ObjectNode searchEntry(JsonNode entry, String mode) {
        ObjectNode e = JSON.createObjectNode();
        if (entry.hasNonNull("fullUrl")) e.put("fullUrl", entry.get("fullUrl").asText());
        e.set("resource", entry.path("resource"));
        e.putObject("search").put("mode", mode);
        return e;
    }

    /**
     * Pads a patient bundle to {@code target} prefetch entries (resources of types the engine reads) with an older history of results: earlier copies of the
     * patient's first quantitative observation (a monthly renal or weight series) and routine blood counts, dated
     * before anything in the bundle so the current values stay current. Deterministic.
     */
    static byte[] padWithHistory(byte[] bundleJson, int target) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(bundleJson);
        ArrayNode entries = (ArrayNode) root.get("entry");
        if (entries == null) throw new IllegalArgumentException("the bundle has no entry array");
        String patientRef = null;
        JsonNode series = null;
        LocalDate earliest = LocalDate.of(2026, 11, 1);
        int prefetched = 0;
        for (JsonNode e : entries) {
            JsonNode r = e.path("resource");
            String type = r.path("resourceType").asText();
            if (type.equals("Medication") || PrefetchKeys.keyFor(type) != null) prefetched++;
            if (type.equals("Patient")) patientRef = "Patient/" + r.path("id").asText();
            String date = r.path("effectiveDateTime").asText("");
            if (type.equals("Observation") && date.length() >= 10) {
                LocalDate d = LocalDate.parse(date.substring(0, 10));
                if (d.isBefore(earliest)) earliest = d;
                if (series == null && r.has("valueQuantity")) series = r;
            }
        }
        if (patientRef == null) throw new IllegalArgumentException("the bundle holds no Patient");
        for (int i = 1; prefetched < target; i++, prefetched++) {
            LocalDate day = earliest.minusDays(14 + 30L * ((i - 1) / 2)); // one series value and one blood count a month
            ObjectNode obs;
            if (series != null && i % 2 == 0) {
                obs = series.deepCopy();
                obs.put("id", "history-" + i);
                obs.put("effectiveDateTime", day.toString());
                obs.remove("text");
            } else {
                String[] lab = OTHER_LABS[(i / 2) % OTHER_LABS.length];
                obs = JSON.createObjectNode().put("resourceType", "Observation").put("id", "history-" + i).put("status", "final");
                obs.putArray("category").addObject().putArray("coding").addObject()
                        .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "laboratory");
                obs.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", lab[0]).put("display", lab[1]);
                obs.putObject("subject").put("reference", patientRef);
                obs.put("effectiveDateTime", day.toString());
                obs.putObject("valueQuantity").put("value", new java.math.BigDecimal(lab[3])).put("unit", lab[2])
                        .put("system", "http://unitsofmeasure.org").put("code", lab[2]);
            }
            entries.addObject().put("fullUrl", "urn:uuid:" + UUID.nameUUIDFromBytes(("history-" + i).getBytes(StandardCharsets.UTF_8)))
                    .set("resource", obs);
        }
        return JSON.writeValueAsBytes(root);
    }

    String body(UUID hookInstance) {
        return prefix + hookInstance + suffix;
    }

    String patientId() { return patientId; }

    /** Entries per prefetch key (the patient counts as one). */
    Map<String, Integer> entriesPerKey() { return entriesPerKey; }

    int totalEntries() { return entriesPerKey.values().stream().mapToInt(Integer::intValue).sum(); }

    /** Resources of types the engine does not read (CarePlan, Encounter...), left out of the prefetch. */
    int skipped() { return skipped; }

    int bodyBytes() { return (prefix + PLACEHOLDER + suffix).getBytes(StandardCharsets.UTF_8).length; }
}
