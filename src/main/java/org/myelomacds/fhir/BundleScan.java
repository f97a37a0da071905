package org.myelomacds.fhir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.evidence.terminology.Terminology;

/**
 * The cheap first pass over the bundle, on a Jackson tree: refuses what is not one patient's R4 Bundle, keeps the
 * entries of types the engine reads (narrative dropped), and counts everything else by type, so HAPI only ever
 * sees resources whose content will be used.
 */
final class BundleScan {

    /** Resource types the mapper reads; everything else is counted in skippedResources. */
    static final Set<String> READ_TYPES = Set.of("Patient", "Condition", "Observation", "MedicationStatement",
            "MedicationAdministration", "MedicationRequest", "Medication", "Procedure", "AllergyIntolerance");

    static final String SKIP_UNRECOGNISED_OBSERVATION = "Observation (unrecognised code)";
    static final String SKIP_OTHER_PATIENT_SUFFIX = " (subject is another patient)";
    static final String SKIP_NO_RESOURCE = "(entry without resource)";

    /** Keeps "1.50" as written for HAPI (BigDecimal, trailing zeros kept). */
    private static final ObjectMapper JSON = newReadingMapper();

    final ScannedEntry patient;
    /** Entries to map, in bundle order (Patient and Medication excluded: those are read on demand). */
    final List<ScannedEntry> entries;
    final List<ScannedEntry> medications;
    final List<ScannedEntry> medicationRequests;
    final Map<String, Integer> skipped;
    final List<UnreadableInput> problems;

    private BundleScan(ScannedEntry patient, List<ScannedEntry> entries, List<ScannedEntry> medications,
                       List<ScannedEntry> medicationRequests, Map<String, Integer> skipped, List<UnreadableInput> problems) {
        this.patient = patient;
        this.entries = entries;
        this.medications = medications;
        this.medicationRequests = medicationRequests;
        this.skipped = skipped;
        this.problems = problems;
    }

    /** A fresh mapper reading JSON as {@link #scan} does: decimals kept exactly as written, for HAPI. */
    static ObjectMapper newReadingMapper() {
        return new ObjectMapper()
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static BundleScan scan(byte[] json, Set<String> r4ResourceTypes, Terminology terminology) throws InvalidBundleException {
        return scan(parseBundle(json), r4ResourceTypes, terminology);
    }

    /** Scans a tree already read by a {@link #newReadingMapper()}; its resources lose their narrative. */
    static BundleScan scan(JsonNode root, Set<String> r4ResourceTypes, Terminology terminology) throws InvalidBundleException {
        ObjectNode bundle = checkBundle(root);
        JsonNode entryArray = bundle.get("entry");
        if (entryArray == null || entryArray.isNull()) throw InvalidBundleException.of("Bundle has no entry array: there is no patient to evaluate");
        if (!entryArray.isArray()) throw InvalidBundleException.of("Bundle.entry is not an array (found " + entryArray.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ")");
        if (entryArray.isEmpty()) throw InvalidBundleException.of("Bundle.entry is empty: there is no patient to evaluate");

        List<ScannedEntry> kept = new ArrayList<>();
        List<ScannedEntry> patients = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        List<UnreadableInput> problems = new ArrayList<>();
        Map<String, String> typesByFullUrl = new java.util.HashMap<>();

        for (int i = 0; i < entryArray.size(); i++) {
            JsonNode entry = entryArray.get(i);
            JsonNode resource = entry.path("resource");
            if (!resource.isObject()) {
                if (resource.isMissingNode() || resource.isNull()) {
                    skipped.merge(SKIP_NO_RESOURCE, 1, Integer::sum);
                } else {
                    problems.add(new UnreadableInput(i, textOrNull(entry.get("fullUrl")), "Bundle.entry[" + i + "].resource", "resource is not a JSON object"));
                }
                continue;
            }
            ObjectNode res = (ObjectNode) resource;
            String fullUrl = textOrNull(entry.get("fullUrl"));
            String type = textOrNull(res.get("resourceType"));
            if (fullUrl != null && type != null) typesByFullUrl.put(fullUrl, type);
            if (type == null) {
                problems.add(new UnreadableInput(i, fullUrl, "Bundle.entry[" + i + "].resource.resourceType", "resource has no resourceType"));
                continue;
            }
            if (!r4ResourceTypes.contains(type)) {
                throw InvalidBundleException.at(i, fullUrl, "resourceType",
                        "not FHIR R4: resourceType '" + type + "' does not exist in FHIR R4");
            }
            if (!READ_TYPES.contains(type)) {
                skipped.merge(type, 1, Integer::sum);
                continue;
            }
            ScannedEntry scanned = new ScannedEntry(i, type, textOrNull(res.get("id")), fullUrl, res);
            Optional<FhirVersionSignals.Signal> foreign = FhirVersionSignals.foreignElement(type, res);
            if (foreign.isPresent()) {
                throw InvalidBundleException.at(i, scanned.reference(), foreign.get().field(), "not FHIR R4: " + foreign.get().message());
            }
            res.remove("text"); // the narrative is never read and is often the largest part of a resource
            if (type.equals("Patient")) patients.add(scanned);
            else kept.add(scanned);
        }

        ScannedEntry patient = onePatient(patients);
        List<ScannedEntry> entries = new ArrayList<>();
        List<ScannedEntry> medications = new ArrayList<>();
        List<ScannedEntry> requests = new ArrayList<>();
        for (ScannedEntry e : kept) {
            if (e.resourceType().equals("Medication")) {
                medications.add(e);
                continue;
            }
            if (isAboutAnotherPatient(e, patient, typesByFullUrl)) {
                skipped.merge(e.resourceType() + SKIP_OTHER_PATIENT_SUFFIX, 1, Integer::sum);
                continue;
            }
            if (e.resourceType().equals("MedicationRequest")) requests.add(e);
            if (e.resourceType().equals("Observation") && !ObservationTriage.isRead(e.resource(), terminology)) {
                skipped.merge(SKIP_UNRECOGNISED_OBSERVATION, 1, Integer::sum);
                continue;
            }
            entries.add(e);
        }
        return new BundleScan(patient, entries, medications, requests, skipped, problems);
    }

    private static JsonNode parseBundle(byte[] json) throws InvalidBundleException {
        if (json == null || json.length == 0) throw InvalidBundleException.of("not JSON: the input is empty");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            String detail = e instanceof JsonParseException ? e.getOriginalMessage() : e.getOriginalMessage();
            throw InvalidBundleException.of("not JSON" + where + ": " + detail);
        } catch (IOException e) {
            throw InvalidBundleException.of("not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) throw InvalidBundleException.of("not JSON: the input is empty");
        return root;
    }

    private static ObjectNode checkBundle(JsonNode root) throws InvalidBundleException {
        if (root == null || root.isMissingNode()) throw InvalidBundleException.of("not JSON: the input is empty");
        if (!root.isObject()) {
            throw InvalidBundleException.of("not a FHIR resource: the JSON is " + article(root) + ", not an object");
        }
        JsonNode type = root.get("resourceType");
        if (type == null || type.isNull()) throw InvalidBundleException.of("not a FHIR resource: resourceType is missing (expected \"Bundle\")");
        if (!type.isTextual() || !type.asText().equals("Bundle")) {
            throw InvalidBundleException.of("not a Bundle: resourceType is \"" + type.asText() + "\" (expected \"Bundle\")");
        }
        return (ObjectNode) root;
    }

    private static ScannedEntry onePatient(List<ScannedEntry> patients) throws InvalidBundleException {
        if (patients.isEmpty()) throw InvalidBundleException.of("Bundle has no Patient entry: there is no patient to evaluate");
        Map<String, ScannedEntry> distinct = new LinkedHashMap<>();
        for (ScannedEntry p : patients) distinct.putIfAbsent(p.reference(), p); // the same Patient twice is one patient
        if (distinct.size() > 1) {
            throw InvalidBundleException.of("Bundle holds " + distinct.size() + " different Patients ("
                    + String.join(", ", distinct.keySet()) + "); this engine evaluates one patient per bundle");
        }
        return patients.get(0);
    }

    /**
     * A subject that names a Patient other than the bundle's, or a urn:uuid that is not the bundle's Patient and
     * not another bundled non-Patient resource (a Group, say). References by identifier only are taken as ours.
     */
    private static boolean isAboutAnotherPatient(ScannedEntry e, ScannedEntry patient, Map<String, String> typesByFullUrl) {
        String field = e.resourceType().equals("AllergyIntolerance") ? "patient" : "subject";
        String ref = textOrNull(e.resource().path(field).get("reference"));
        if (ref == null || ref.startsWith("#") || patient.isReferencedBy(ref)) return false;
        String type = References.typeOf(ref);
        if (type != null) return type.equals("Patient");
        if (ref.startsWith("urn:")) {
            String bundled = typesByFullUrl.get(ref);
            return bundled == null || bundled.equals("Patient") && !patient.isReferencedBy(ref);
        }
        return false;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }

    private static String article(JsonNode node) {
        switch (node.getNodeType()) {
            case ARRAY: return "an array";
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            default: return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
