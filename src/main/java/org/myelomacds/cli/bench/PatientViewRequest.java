package org.myelomacds.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.myelomacds.server.HookRequestBuilder;
import org.myelomacds.server.PrefetchKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The load generator's patient-view request: the request {@link HookRequestBuilder} builds for a patient Bundle,
 * serialised once so that each call only gets a fresh hookInstance.
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
        ObjectNode body = HookRequestBuilder.patientView(JSON, bundle);
        body.put("hookInstance", PLACEHOLDER);
        ((ObjectNode) body.get("context")).put("userId", "Practitioner/load-test");
        Map<String, Integer> counts = new LinkedHashMap<>();
        body.get("prefetch").fields().forEachRemaining(k -> counts.put(k.getKey(),
                k.getKey().equals(PrefetchKeys.PATIENT) ? 1 : k.getValue().path("entry").size()));
        return new PatientViewRequest(JSON.writeValueAsString(body), body.get("context").get("patientId").asText(), counts,
                HookRequestBuilder.notPrefetched(bundle));
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
