package org.myelomacds.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.myelomacds.fhir.BundleReader;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.fhir.ResourceTriage;

/**
 * Makes a FHIR Bulk Data export of N patients from patient bundles (the samples, Synthea output), for tests, demos
 * and benchmarks: one NDJSON file per resource type and a manifest as a server's $export writes them. Every patient
 * gets new ids, and every reference is rewritten as a FHIR server writes it ("Patient/&lt;id&gt;", "Observation/&lt;id&gt;"),
 * whether the bundle referenced by urn:uuid, by relative or by absolute URL. Medications are written once per
 * distinct content and shared by reference, as a server's formulary would be.
 * <p>
 * The cohort share is {@code myelomaPercent}: that share of patients are copies of the templates with a plasma-cell
 * disorder (round robin); the rest are copies of them with those Conditions removed, so the background looks like
 * the records around it but falls outside the cohort. {@code sources.csv} records which template each patient copies.
 */
public final class ExportGenerator {
    private static final ObjectMapper JSON = BundleReader.jsonMapper();

    private final List<Template> templates;
    private final Terminology terminology;

    private record Template(String name, List<ObjectNode> resources, boolean cohort) {}

    private ExportGenerator(List<Template> templates, Terminology terminology) {
        this.terminology = terminology;
        this.templates = templates;
    }

    /** Templates from every patient Bundle (*.json, not *.expected.json) in the given directories. */
    /** @param terminology the codes that decide which template conditions are plasma-cell disorders */
    public static ExportGenerator fromBundles(List<Path> dirs, Terminology terminology) throws IOException {
        List<Template> templates = new ArrayList<>();
        for (Path dir : dirs) {
            try (var s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.endsWith(".json") || name.endsWith(".expected.json")) continue;
                    JsonNode bundle = JSON.readTree(p.toFile());
                    if (!"Bundle".equals(bundle.path("resourceType").asText())) continue;
                    templates.add(template(name.substring(0, name.length() - 5), bundle, terminology));
                }
            }
        }
        if (templates.stream().noneMatch(Template::cohort)) throw new IOException("no template bundle has a myeloma or precursor condition");
        return new ExportGenerator(templates, terminology);
    }

    private static Template template(String name, JsonNode bundle, Terminology terminology) {
        List<ObjectNode> resources = new ArrayList<>();
        Map<String, String> fullUrlToRef = new HashMap<>();
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            if (!r.isObject() || !r.has("resourceType")) continue;
            ObjectNode copy = ((ObjectNode) r).deepCopy();
            if (!copy.hasNonNull("id")) copy.put("id", UUID.nameUUIDFromBytes((name + resources.size()).getBytes(StandardCharsets.UTF_8)).toString());
            String ref = copy.get("resourceType").asText() + "/" + copy.get("id").asText();
            if (e.hasNonNull("fullUrl")) fullUrlToRef.put(e.get("fullUrl").asText(), ref);
            resources.add(copy);
        }
        // urn:uuid references (transaction bundles, e.g. Synthea) become Type/id before the ids are replaced
        for (ObjectNode r : resources) rewriteReferences(r, ref -> fullUrlToRef.getOrDefault(ref, ref));
        boolean cohort = resources.stream().anyMatch(r -> "Condition".equals(r.path("resourceType").asText())
                && ResourceTriage.isPlasmaCellDisorder(r, terminology));
        return new Template(name, resources, cohort);
    }

    /** Writes the export; returns the number of lines per resource type. */
    public Map<String, Long> write(Path out, int patients, double myelomaPercent, boolean gzip) throws IOException {
        Files.createDirectories(out);
        List<Template> cohortTemplates = templates.stream().filter(Template::cohort).toList();
        Map<String, Writer> writers = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        Set<String> medicationsWritten = new HashSet<>();
        long cohortPatients = 0;
        try (Writer sources = Files.newBufferedWriter(out.resolve("sources.csv"))) {
            sources.write("patient_id,template,cohort\n");
            for (int i = 0; i < patients; i++) {
                // spread the cohort evenly: patient i is in it when the running share falls behind the target
                boolean inCohort = (cohortPatients + 1) * 100.0 <= (i + 1) * myelomaPercent + 1e-9;
                Template t;
                if (inCohort) {
                    t = cohortTemplates.get((int) (cohortPatients % cohortTemplates.size()));
                    cohortPatients++;
                } else {
                    t = templates.get(i % templates.size());
                }
                String pid = UUID.nameUUIDFromBytes(("patient-" + i).getBytes(StandardCharsets.UTF_8)).toString();
                sources.write(pid + "," + t.name() + "," + inCohort + "\n");
                for (ObjectNode resource : copy(t, i, pid, !inCohort)) {
                    String type = resource.get("resourceType").asText();
                    if (type.equals("Medication") && !medicationsWritten.add(resource.get("id").asText())) continue;
                    Writer w = writers.get(type);
                    if (w == null) {
                        OutputStream os = Files.newOutputStream(out.resolve(type + (gzip ? ".ndjson.gz" : ".ndjson")));
                        w = ScreeningOutputs.writer(gzip ? new GZIPOutputStream(os, 1 << 16) : os);
                        writers.put(type, w);
                    }
                    w.write(JSON.writeValueAsString(resource));
                    w.write('\n');
                    counts.merge(type, 1L, Long::sum);
                }
            }
        } finally {
            for (Writer w : writers.values()) w.close();
        }
        writeManifest(out, counts, gzip);
        return counts;
    }

    /** One patient: new ids for everything but Medications (content-addressed), references rewritten. */
    private List<ObjectNode> copy(Template t, int index, String pid, boolean background) {
        Map<String, String> newRefs = new HashMap<>();
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : t.resources()) {
            String type = r.get("resourceType").asText();
            String oldRef = type + "/" + r.get("id").asText();
            String newId = type.equals("Patient") ? pid
                    : type.equals("Medication") ? "med-" + digest(r)
                    : UUID.nameUUIDFromBytes((index + "/" + oldRef).getBytes(StandardCharsets.UTF_8)).toString();
            newRefs.put(oldRef, type + "/" + newId);
        }
        for (ObjectNode r : t.resources()) {
            String type = r.get("resourceType").asText();
            if (background && type.equals("Condition") && ResourceTriage.isPlasmaCellDisorder(r, terminology)) continue;
            ObjectNode c = r.deepCopy();
            c.put("id", newRefs.get(type + "/" + r.get("id").asText()).substring(type.length() + 1));
            c.remove("text"); // servers may or may not send narratives; the export stays smaller without them
            c.remove("meta");
            rewriteReferences(c, ref -> {
                String local = localRef(ref);
                return local != null && newRefs.containsKey(local) ? newRefs.get(local) : ref;
            });
            out.add(c);
        }
        return out;
    }

    /** "Observation/x" from "Observation/x", "http://h/fhir/Observation/x" or ".../_history/2"; else null. */
    private static String localRef(String ref) {
        String r = ref;
        int h = r.indexOf("/_history/");
        if (h >= 0) r = r.substring(0, h);
        int slash = r.lastIndexOf('/');
        if (slash <= 0) return null;
        int prev = r.lastIndexOf('/', slash - 1);
        return r.substring(prev + 1);
    }

    private static void rewriteReferences(JsonNode node, java.util.function.UnaryOperator<String> map) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("reference");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) o.set("reference", TextNode.valueOf(map.apply(ref.asText())));
            for (var it = o.fields(); it.hasNext(); ) {
                var f = it.next();
                if (!f.getKey().equals("contained")) rewriteReferences(f.getValue(), map);
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode n : a) rewriteReferences(n, map);
        }
    }

    private static String digest(ObjectNode medication) {
        ObjectNode c = medication.deepCopy();
        c.remove("id");
        c.remove("text");
        c.remove("meta");
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(c));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The $export completion manifest (Bulk Data Access IG): output files with their type and count. */
    private static void writeManifest(Path out, Map<String, Long> counts, boolean gzip) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("transactionTime", "2026-11-01T00:00:00Z");
        m.put("request", "https://ehr.example.org/fhir/$export");
        m.put("requiresAccessToken", false);
        ArrayNode output = m.putArray("output");
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            ObjectNode o = output.addObject();
            o.put("type", e.getKey());
            o.put("url", out.toAbsolutePath().toUri() + e.getKey() + (gzip ? ".ndjson.gz" : ".ndjson"));
            o.put("count", e.getValue());
        }
        m.putArray("error");
        Files.writeString(out.resolve("manifest.json"), m.toPrettyString());
    }

    public int templateCount() { return templates.size(); }
}
