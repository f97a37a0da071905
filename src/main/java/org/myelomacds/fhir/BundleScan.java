package org.myelomacds.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.evidence.terminology.Terminology;

/**
 * The cheap first pass over the bundle, streaming over its bytes one entry at a time (or over a tree already read):
 * refuses what is not one patient's R4 Bundle, keeps the entries of types the engine reads (narrative dropped), and
 * counts everything else by type, so HAPI only ever sees resources whose content will be used.
 */
final class BundleScan {

    /** Resource types the mapper reads; everything else is counted in skippedResources. */
    static final Set<String> READ_TYPES = Set.of("Patient", "Condition", "Observation", "MedicationStatement",
            "MedicationAdministration", "MedicationRequest", "MedicationDispense", "Medication", "Procedure", "AllergyIntolerance",
            "AdverseEvent");

    static final String SKIP_UNRECOGNISED_OBSERVATION = "Observation (unrecognised code)";
    static final String SKIP_OTHER_PATIENT_SUFFIX = " (subject is another patient)";
    static final String SKIP_NO_RESOURCE = "(entry without resource)";
    static final String SKIP_DUPLICATE_SUFFIX = " (same resource sent twice, read once)";

    /** Keeps "1.50" as written for HAPI (BigDecimal, trailing zeros kept). */
    private static final ObjectMapper JSON = newReadingMapper();
    /** For one value inside the stream: the rest of the bundle follows it, so trailing tokens are expected there. */
    private static final com.fasterxml.jackson.databind.ObjectReader VALUE =
            JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    final ScannedEntry patient;
    /** Entries to map, in bundle order (Patient and Medication excluded: those are read on demand). */
    final List<ScannedEntry> entries;
    final List<ScannedEntry> medications;
    final List<ScannedEntry> medicationRequests;
    /** What is counted and not read, each with what dates it (see {@link #skippedAsOf}). */
    final List<Skip> skipped;
    final List<UnreadableInput> problems;
    /**
     * Second resources under an id already seen, with different content (FHIR R4 bdl-7): decided as the chart stood on
     * asOf ({@link #chartAsOf}, {@link #problemsAsOf}), since an earlier one dated after asOf was not in it then.
     */
    final List<DatedProblem> datedProblems;
    /**
     * Entries (by Bundle.entry index) that name no other patient but cannot be attributed to this one either: kept in
     * {@link #entries} so they are parsed like the rest, then reported with this problem instead of being mapped.
     */
    final Map<Integer, UnreadableInput> unattributed;

    private BundleScan(ScannedEntry patient, List<ScannedEntry> entries, List<ScannedEntry> medications,
                       List<ScannedEntry> medicationRequests, List<Skip> skipped, List<UnreadableInput> problems,
                       List<DatedProblem> datedProblems, Map<Integer, UnreadableInput> unattributed) {
        this.patient = patient;
        this.entries = entries;
        this.medications = medications;
        this.medicationRequests = medicationRequests;
        this.skipped = skipped;
        this.problems = problems;
        this.datedProblems = datedProblems;
        this.unattributed = unattributed;
    }

    /**
     * One resource counted and not read, as {@code what} ("CarePlan", "Observation (unrecognised code)"), with what tells
     * whether it was in the chart on asOf: a kept entry read as {@link AsOfCut#asOf} reads it (a duplicate, another
     * patient's record), else the first day it certainly was ({@link AsOfCut#countedFrom}; null when nothing dates it).
     */
    record Skip(String what, ScannedEntry entry, java.time.LocalDate countedFrom) {
        static Skip of(String what, ScannedEntry entry) { return new Skip(what, entry, null); }

        static Skip from(String what, java.time.LocalDate countedFrom) { return new Skip(what, null, countedFrom); }

        boolean countedOn(java.time.LocalDate asOf) {
            return entry != null ? AsOfCut.asOf(entry, asOf).isPresent() : AsOfCut.inChart(countedFrom, asOf);
        }
    }

    /** An Observation the engine does not read: who it is about (how it is counted) and when it was first in the chart. */
    private record UnreadObservation(ScannedEntry subjectOnly, java.time.LocalDate countedFrom) { }

    /**
     * A resource under an id that {@code earlier} entries (in bundle order, each with other content) already hold. Which
     * one the record holds is unknown only when one of those earlier entries was in the chart on asOf too; when every
     * one of them is dated after asOf, the chart as it stood then held this one alone, and it is read (sweep s13-replay3
     * RP3-1: the replay must equal the chart truncated at asOf).
     */
    record DatedProblem(ScannedEntry entry, List<ScannedEntry> earlier) {
        /** The earlier entries under its id that were in the chart on asOf, in bundle order. */
        List<ScannedEntry> earlierAsOf(java.time.LocalDate asOf) {
            return earlier.stream().filter(e -> AsOfCut.asOf(e, asOf).isPresent()).toList();
        }

        UnreadableInput problem(ScannedEntry first) {
            return new UnreadableInput(entry.index(), entry.reference(), null, "a second " + entry.resourceType()
                    + " with the id of Bundle.entry[" + first.index() + "] and different content: which one the record"
                    + " holds is unknown (ids must be unique in a bundle), so this one is not read");
        }
    }

    /**
     * The counts of what was not read, as the chart stood on asOf (issue 10 item 10): a resource dated after asOf was not
     * in it, so it is not counted either; an undated one is.
     */
    Map<String, Integer> skippedAsOf(java.time.LocalDate asOf) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Skip s : skipped) {
            if (s.countedOn(asOf)) counts.merge(s.what(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The scan's unreadable parts as the chart stood on asOf: a second resource under an id only when it and an earlier
     * one under that id were both in it.
     */
    List<UnreadableInput> problemsAsOf(java.time.LocalDate asOf) {
        List<UnreadableInput> all = new ArrayList<>(problems);
        for (DatedProblem p : datedProblems) {
            if (AsOfCut.asOf(p.entry(), asOf).isEmpty()) continue;
            List<ScannedEntry> earlier = p.earlierAsOf(asOf);
            if (!earlier.isEmpty() && currentVersion(p, earlier).isEmpty()) all.add(p.problem(earlier.get(0)));
        }
        return all;
    }

    /**
     * The current version among a second resource under an id and the earlier ones under it in the chart on asOf, when
     * their meta orders them ({@link ResourceVersions}); empty when which one the record holds is unknown.
     */
    private static Optional<ScannedEntry> currentVersion(DatedProblem p, List<ScannedEntry> earlierAsOf) {
        List<ScannedEntry> versions = new ArrayList<>(earlierAsOf);
        versions.add(p.entry());
        return ResourceVersions.current(versions);
    }

    /**
     * The entries to map as the chart stood on asOf ({@link AsOfCut}): those dated on or before it, a second resource
     * under an id only when no earlier one under that id was in the chart then (it is then the only one the chart held).
     */
    List<ScannedEntry> chartAsOf(java.time.LocalDate asOf) {
        Set<Integer> shadowed = new java.util.HashSet<>();
        for (DatedProblem p : datedProblems) {
            List<ScannedEntry> earlier = p.earlierAsOf(asOf);
            if (earlier.isEmpty()) continue;
            // Versions their meta orders: only the current one is read, whichever entry came first (FINDINGS G3).
            Optional<ScannedEntry> current = AsOfCut.asOf(p.entry(), asOf).isPresent()
                    ? currentVersion(p, earlier) : Optional.empty();
            if (current.isEmpty()) {
                shadowed.add(p.entry().index());
                continue;
            }
            for (ScannedEntry v : earlier) if (v != current.get()) shadowed.add(v.index());
            if (p.entry() != current.get()) shadowed.add(p.entry().index());
        }
        List<ScannedEntry> chart = new ArrayList<>();
        for (ScannedEntry e : entries) {
            if (!shadowed.contains(e.index())) AsOfCut.asOf(e, asOf).ifPresent(chart::add);
        }
        return chart;
    }

    /**
     * This scan with its entries replaced by the chart as it stood on asOf ({@link AsOfCut}), so that what one record
     * looks up in another (a request's reason, a referenced Condition, an adverse event's suspect) is looked up only
     * among records that were in it.
     */
    BundleScan withEntries(List<ScannedEntry> asOfEntries) {
        return new BundleScan(patient, asOfEntries, medications,
                asOfEntries.stream().filter(e -> e.resourceType().equals("MedicationRequest")).toList(),
                skipped, problems, datedProblems, unattributed);
    }

    /** A fresh mapper reading JSON as {@link #scan} does: decimals kept exactly as written, for HAPI. */
    static ObjectMapper newReadingMapper() {
        return new ObjectMapper()
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads the bundle in one streaming pass: each entry is read as a small tree, kept when the engine reads its type
     * and dropped at once otherwise, so the memory held grows with what the engine keeps (a Synthea record is mostly
     * claims, explanations of benefit and vital signs), not with the size of the file.
     */
    static BundleScan scan(byte[] json, Set<String> r4ResourceTypes, Terminology terminology) throws InvalidBundleException {
        if (json == null || json.length == 0) throw InvalidBundleException.of("not JSON: the input is empty");
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            return scan(p, r4ResourceTypes, terminology, HeldEntries.NONE);
        } catch (IOException e) {
            throw InvalidBundleException.of("not JSON: " + e.getMessage());
        }
    }

    /**
     * The same pass over a stream, read as it arrives: the bytes are never held whole. With {@code strictKeys} a key
     * given twice in one object is refused (request bodies) instead of the last value winning. {@code retained} hears
     * of every entry as it is read, with the bytes of JSON the scan goes on holding for it (the entry's size when kept,
     * {@link #DROPPED_ENTRY_BYTES} when dropped), so a caller can account for the memory the scan keeps.
     * Exceptions the stream throws that are not {@link IOException}s pass through unchanged (a size limit, say).
     */
    static BundleScan scan(InputStream json, Set<String> r4ResourceTypes, Terminology terminology, boolean strictKeys,
                           HeldEntries retained) throws InvalidBundleException {
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            if (strictKeys) p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            return scan(p, r4ResourceTypes, terminology, retained);
        } catch (IOException e) {
            throw InvalidBundleException.of("not JSON: " + e.getMessage());
        }
    }

    /** About what a dropped entry still costs: its fullUrl (for references) and, for an Observation, its subject. */
    static final long DROPPED_ENTRY_BYTES = 160;

    private static BundleScan scan(JsonParser p, Set<String> r4ResourceTypes, Terminology terminology, HeldEntries retained)
            throws InvalidBundleException {
        Accumulator acc = new Accumulator(r4ResourceTypes, terminology);
        try {
            JsonToken first = p.nextToken();
            if (first == null) throw InvalidBundleException.of("not JSON: the input is empty");
            if (first != JsonToken.START_OBJECT) {
                // Not an object, so not a bundle: read the value whole for the message (bounded by the caller's limit).
                JsonNode root = VALUE.readTree(p);
                if (p.nextToken() != null) throw trailing(p);
                checkBundle(root);
            }
            String resourceType = null;
            boolean sawResourceType = false;
            boolean sawEntry = false;
            JsonNode entryArray = null; // only when "entry" is not an array (for the message)
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("resourceType")) {
                    sawResourceType = true;
                    JsonNode type = VALUE.readTree(p);
                    resourceType = type == null || type.isNull() ? null : (type.isTextual() ? type.asText() : type.toString());
                    if (type != null && !type.isNull() && (!type.isTextual() || !type.asText().equals("Bundle"))) {
                        throw InvalidBundleException.of("not a Bundle: resourceType is \"" + type.asText() + "\" (expected \"Bundle\")");
                    }
                } else if (field.equals("entry")) {
                    sawEntry = true;
                    if (value != JsonToken.START_ARRAY) {
                        entryArray = VALUE.readTree(p);
                        continue;
                    }
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        long start = p.currentTokenLocation().getByteOffset();
                        JsonNode entry = VALUE.readTree(p);
                        long end = p.currentLocation().getByteOffset();
                        boolean kept = acc.accept(i++, entry);
                        retained.held(kept && start >= 0 && end >= start ? end - start : DROPPED_ENTRY_BYTES, kept);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) throw trailing(p);
            if (!sawResourceType || resourceType == null) {
                throw InvalidBundleException.of("not a FHIR resource: resourceType is missing (expected \"Bundle\")");
            }
            if (!sawEntry || entryArray != null && entryArray.isNull()) {
                throw InvalidBundleException.of("Bundle has no entry array: there is no patient to evaluate");
            }
            if (entryArray != null) {
                throw InvalidBundleException.of("Bundle.entry is not an array (found " + entryArray.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw InvalidBundleException.of("not JSON: " + e.getMessage());
        }
        return acc.finish();
    }

    private static InvalidBundleException trailing(JsonParser p) {
        return InvalidBundleException.of("not JSON at line " + p.currentLocation().getLineNr()
                + ", column " + p.currentLocation().getColumnNr() + ": trailing content after the bundle");
    }

    /** Scans a tree already read by a {@link #newReadingMapper()}; its resources lose their narrative. */
    static BundleScan scan(JsonNode root, Set<String> r4ResourceTypes, Terminology terminology) throws InvalidBundleException {
        ObjectNode bundle = checkBundle(root);
        JsonNode entryArray = bundle.get("entry");
        if (entryArray == null || entryArray.isNull()) throw InvalidBundleException.of("Bundle has no entry array: there is no patient to evaluate");
        if (!entryArray.isArray()) throw InvalidBundleException.of("Bundle.entry is not an array (found " + entryArray.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ")");
        Accumulator acc = new Accumulator(r4ResourceTypes, terminology);
        for (int i = 0; i < entryArray.size(); i++) acc.accept(i, entryArray.get(i));
        return acc.finish();
    }

    /** The entries seen so far: what is kept for the mappers, what is counted as skipped, and what was unreadable. */
    private static final class Accumulator {
        private final Set<String> r4ResourceTypes;
        private final ObservationTriage triage;
        private final List<ScannedEntry> kept = new ArrayList<>();
        private final List<ScannedEntry> patients = new ArrayList<>();
        private final List<UnreadObservation> unreadObservations = new ArrayList<>();
        private final List<Skip> skipped = new ArrayList<>();
        private final List<UnreadableInput> problems = new ArrayList<>();
        private final List<DatedProblem> datedProblems = new ArrayList<>();
        private final Map<String, String> typesByFullUrl = new java.util.HashMap<>();
        private int count;

        Accumulator(Set<String> r4ResourceTypes, Terminology terminology) {
            this.r4ResourceTypes = r4ResourceTypes;
            this.triage = new ObservationTriage(terminology);
        }

        /** True when the entry is kept whole for the mappers. */
        boolean accept(int i, JsonNode entry) throws InvalidBundleException {
            count++;
            JsonNode resource = entry.path("resource");
            if (!resource.isObject()) {
                if (resource.isMissingNode() || resource.isNull()) {
                    skipped.add(Skip.from(SKIP_NO_RESOURCE, null));
                } else {
                    problems.add(new UnreadableInput(i, textOrNull(entry.get("fullUrl")), "Bundle.entry[" + i + "].resource", "resource is not a JSON object"));
                }
                return false;
            }
            ObjectNode res = (ObjectNode) resource;
            String fullUrl = textOrNull(entry.get("fullUrl"));
            String type = textOrNull(res.get("resourceType"));
            if (fullUrl != null && type != null) typesByFullUrl.put(fullUrl, type);
            if (type == null) {
                problems.add(new UnreadableInput(i, fullUrl, "Bundle.entry[" + i + "].resource.resourceType", "resource has no resourceType"));
                return false;
            }
            if (!r4ResourceTypes.contains(type)) {
                throw InvalidBundleException.at(i, fullUrl, "resourceType",
                        "not FHIR R4: resourceType '" + type + "' does not exist in FHIR R4");
            }
            if (!READ_TYPES.contains(type)) {
                // Counted only, and only if it was in the chart on asOf: the first day it was is all that is held of it.
                skipped.add(Skip.from(type, AsOfCut.countedFrom(type, res)));
                return false;
            }
            ScannedEntry scanned = new ScannedEntry(i, type, textOrNull(res.get("id")), fullUrl, res);
            Optional<FhirVersionSignals.Signal> foreign = FhirVersionSignals.foreignElement(type, res);
            if (foreign.isPresent()) {
                throw InvalidBundleException.at(i, scanned.reference(), foreign.get().field(), "not FHIR R4: " + foreign.get().message());
            }
            res.remove("text"); // the narrative is never read and is often the largest part of a resource
            if (type.equals("Observation") && !triage.isRead(res)) {
                // Never read, whatever its subject: keep only the subject, which decides how it is counted at the end,
                // and its dates, which decide whether it is counted on asOf.
                unreadObservations.add(new UnreadObservation(new ScannedEntry(i, type, scanned.id(), fullUrl, subjectOnly(res)),
                        AsOfCut.countedFrom(type, res)));
                return false;
            }
            if (type.equals("Patient")) patients.add(scanned);
            else kept.add(scanned);
            return true;
        }

        BundleScan finish() throws InvalidBundleException {
            if (count == 0) throw InvalidBundleException.of("Bundle.entry is empty: there is no patient to evaluate");
            ScannedEntry patient = onePatient(patients);
            List<ScannedEntry> entries = new ArrayList<>();
            List<ScannedEntry> medications = new ArrayList<>();
            List<ScannedEntry> requests = new ArrayList<>();
            Map<Integer, UnreadableInput> unattributed = new java.util.HashMap<>();
            Map<String, List<ScannedEntry>> byReference = new java.util.HashMap<>();
            for (ScannedEntry e : kept) {
                List<ScannedEntry> earlier = byReference.computeIfAbsent(e.reference(), r -> new ArrayList<>());
                if (!earlier.isEmpty()) {
                    // FHIR R4 bdl-7: one resource per fullUrl (type and id) in a bundle. The same resource sent twice
                    // (a paging overlap) is one fact, not two; two different resources under one id leave unknown which
                    // one the record holds, so the later is an unreadable part (its location named), never a second fact
                    // - decided as the chart stood on asOf (DatedProblem): when every earlier one is dated after asOf,
                    // this one was the only one in the chart then, and it is read. It is classified as any entry is.
                    if (earlier.stream().anyMatch(x -> x.resource().equals(e.resource()))) {
                        skipped.add(Skip.of(e.resourceType() + SKIP_DUPLICATE_SUFFIX, e));
                        continue;
                    }
                    datedProblems.add(new DatedProblem(e, List.copyOf(earlier)));
                    earlier.add(e);
                    // a Medication is looked up by reference, not read by date: the first one stays the one read
                    if (e.resourceType().equals("Medication")) continue;
                } else {
                    earlier.add(e);
                }
                if (e.resourceType().equals("Medication")) {
                    medications.add(e);
                    continue;
                }
                if (isAboutAnotherPatient(e, patient, typesByFullUrl)) {
                    skipped.add(Skip.of(e.resourceType() + SKIP_OTHER_PATIENT_SUFFIX, e));
                    continue;
                }
                Optional<String> why = unattributed(e, patient);
                if (why.isPresent()) {
                    // Reported by the reader once the entry parses (a resource of another FHIR version is that first)
                    // and only when it is part of the chart as of the evaluation date; never mapped.
                    unattributed.put(e.index(), new UnreadableInput(e.index(), e.reference(),
                            e.resourceType() + "." + subjectField(e), why.get()));
                    entries.add(e);
                    continue;
                }
                if (e.resourceType().equals("MedicationRequest")) requests.add(e);
                entries.add(e);
            }
            for (UnreadObservation u : unreadObservations) {
                ScannedEntry o = u.subjectOnly();
                skipped.add(Skip.from(isAboutAnotherPatient(o, patient, typesByFullUrl) ? o.resourceType() + SKIP_OTHER_PATIENT_SUFFIX
                        : SKIP_UNRECOGNISED_OBSERVATION, u.countedFrom()));
            }
            return new BundleScan(patient, entries, medications, requests, skipped, problems, datedProblems, unattributed);
        }
    }

    /**
     * Reduces, in place, an entry the engine will never read to what this scan still counts it by, so a caller that
     * must hold entries before they are scanned (the resources of CDS Hooks prefetch, gathered from several bundles)
     * holds only what the engine reads: a resource of a type the engine does not read keeps its resourceType, id and
     * dates (whether it is counted on asOf, {@link AsOfCut#datesOnly}), an Observation the engine does not read keeps
     * those and its subject (which decides how it is counted), a kept
     * resource loses its narrative. Scanning the reduced entries gives the same result as scanning the originals;
     * anything the scan would refuse or report (no resource, no resourceType, an element of another FHIR version) is
     * left as it is. True when the entry is kept for the engine.
     */
    static boolean slim(JsonNode entry, Terminology terminology) {
        if (entry == null || !entry.isObject()) return true;
        JsonNode resource = entry.get("resource");
        if (resource == null || !resource.isObject()) return true;
        ObjectNode res = (ObjectNode) resource;
        String type = textOrNull(res.get("resourceType"));
        if (type == null) return true;
        if (!READ_TYPES.contains(type)) {
            ((ObjectNode) entry).set("resource", AsOfCut.datesOnly(res));
            return false;
        }
        if (FhirVersionSignals.foreignElement(type, res).isPresent()) return true;
        res.remove("text");
        if (type.equals("Observation") && !ObservationTriage.isRead(res, terminology)) {
            ObjectNode kept = AsOfCut.datesOnly(res);
            if (res.has("subject")) kept.set("subject", res.get("subject"));
            ((ObjectNode) entry).set("resource", kept);
            return false;
        }
        return true;
    }

    /**
     * The element of an unread Observation still needed once its first day in the chart is known, so the rest can be
     * freed now: who it is about (how it is counted).
     */
    private static ObjectNode subjectOnly(ObjectNode resource) {
        ObjectNode kept = resource.objectNode();
        if (resource.has("subject")) kept.set("subject", resource.get("subject"));
        return kept;
    }

    private static InvalidBundleException notJson(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return InvalidBundleException.of("not JSON" + where + ": " + e.getOriginalMessage());
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
     * not another bundled non-Patient resource (a Group, say), or a logical reference by an identifier the bundle's
     * Patient does not carry: a record filed under another MRN must not join this patient's history. A subject with
     * neither (missing, or display only) is not another patient's; {@link #unattributed} decides whether it is ours.
     */
    private static boolean isAboutAnotherPatient(ScannedEntry e, ScannedEntry patient, Map<String, String> typesByFullUrl) {
        JsonNode subject = e.resource().path(subjectField(e));
        String ref = textOrNull(subject.get("reference"));
        if (ref == null) return identifiesAnotherPatient(subject.get("identifier"), patient.resource().get("identifier"));
        if (ref.startsWith("#") || patient.isReferencedBy(ref)) return false;
        String type = References.typeOf(ref);
        if (type != null) return type.equals("Patient");
        if (ref.startsWith("urn:")) {
            String bundled = typesByFullUrl.get(ref);
            return bundled == null || bundled.equals("Patient") && !patient.isReferencedBy(ref);
        }
        return false;
    }

    /** The element that names whom a resource is about: AllergyIntolerance calls it "patient", the others "subject". */
    private static String subjectField(ScannedEntry e) {
        return e.resourceType().equals("AllergyIntolerance") ? "patient" : "subject";
    }

    /**
     * Types whose subject FHIR R4 makes optional (Observation.subject and MedicationDispense.subject are 0..1): a
     * sender may leave it out of a single-patient bundle, so its absence reads as the bundle's patient. Every other
     * type the engine reads requires it (Condition, MedicationStatement/Administration/Request, Procedure,
     * AdverseEvent subject; AllergyIntolerance patient: 1..1).
     */
    private static final Set<String> SUBJECT_OPTIONAL = Set.of("Observation", "MedicationDispense");

    /**
     * Why a resource that names no other patient still cannot be attributed to the bundle's patient, or empty when it
     * can: a required subject that is missing (invalid R4), or a subject stated without a reference or an identifier
     * value (display only), which names someone the engine cannot match. Such a record is not silently read as the
     * patient's — one daratumumab statement turns a newly diagnosed patient into a previously treated one — but
     * reported as an unreadable part: the bundle is refused, or with partial evaluation the record is left out and
     * named in an UNREADABLE_INPUT data gap (CDS-POLICY-PARTIAL-INPUT).
     */
    private static Optional<String> unattributed(ScannedEntry e, ScannedEntry patient) {
        String field = subjectField(e);
        JsonNode subject = e.resource().get(field);
        String whose = " cannot be attributed to the bundle's patient (" + patient.reference() + "), so it is not read";
        if (subject == null || subject.isNull()) {
            if (SUBJECT_OPTIONAL.contains(e.resourceType())) return Optional.empty();
            return Optional.of(field + " is missing (FHIR R4 requires it for " + e.resourceType() + "): the record" + whose);
        }
        if (textOrNull(subject.get("reference")) != null) return Optional.empty();
        if (textOrNull(subject.path("identifier").get("value")) != null) return Optional.empty();
        String display = textOrNull(subject.get("display"));
        return Optional.of(field + " has no reference and no identifier value"
                + (display == null ? "" : " (display \"" + display + "\" only)") + ": the record" + whose);
    }

    /**
     * True when the reference's identifier has a value that no identifier of the Patient matches. Values compare
     * exactly (an MRN's case is part of it); systems compare only when both sides state one, since a sender often drops
     * the system of its own MRN and a missing system is no evidence of another patient. An identifier without a value
     * identifies no one and is taken as ours, like a display-only subject.
     */
    static boolean identifiesAnotherPatient(JsonNode identifier, JsonNode patientIdentifiers) {
        if (identifier == null || !identifier.isObject()) return false;
        String value = textOrNull(identifier.get("value"));
        if (value == null) return false;
        String system = textOrNull(identifier.get("system"));
        if (patientIdentifiers != null && patientIdentifiers.isArray()) {
            for (JsonNode own : patientIdentifiers) {
                if (!value.equals(textOrNull(own.get("value")))) continue;
                String ownSystem = textOrNull(own.get("system"));
                if (system == null || ownSystem == null || system.equals(ownSystem)) return false;
            }
        }
        return true;
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
