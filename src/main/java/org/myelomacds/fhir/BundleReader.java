package org.myelomacds.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.PerformanceOptionsEnum;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.myelomacds.facts.PatientDemographics;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.evidence.terminology.Terminology;

/**
 * Reads one patient's FHIR R4 Bundle (JSON) into a {@link PatientRecord}.
 * <ol>
 * <li>Jackson pass ({@link BundleScan}): refuses what is not JSON, not a Bundle, has no entries, no Patient or
 *     several Patients, or names a resource type that does not exist in R4; refuses elements that only exist in
 *     another FHIR version ({@link FhirVersionSignals}); keeps only resource types and Observation codes the
 *     engine reads and counts the rest in {@code skippedResources}; a resource whose subject is another patient is
 *     skipped and counted, one whose required subject is missing or names no one it can match (display only) is an
 *     unreadable part; the same resource twice is read once, two different ones under one id are an unreadable part.</li>
 * <li>Codes: every code is recognised with the {@link Terminology} passed in, the rulebase's own
 *     (rules/terminology/), so a bundle is read as the rules that will judge it define its codes.</li>
 * <li>HAPI pass ({@link EntryParser}): each kept entry is parsed alone and strictly, so a bad entry becomes an
 *     {@link UnreadableInput} with its index and field while the others are still read.</li>
 * <li>Version heuristic: if at least two entries fail with unknown-element errors and they are the majority of
 *     the entries parsed, the bundle is refused as "not FHIR R4" — one odd entry is a data problem, most entries
 *     failing the same way is a version problem.</li>
 * <li>A patient recorded as deceased on or before asOf is refused ({@link DeceasedCheck}): never assessed.</li>
 * <li>Replay: nothing dated after asOf is read ({@link AsOfCut}); what began before and ended after is read as it
 *     stood on asOf.</li>
 * </ol>
 * Uses the process's one FhirContext (expensive to build, thread-safe), shared by every rulebase; {@link #read} may be called
 * concurrently, with the same or different terminologies (a terminology is immutable).
 */
public final class BundleReader {
    private final FhirContext context;
    private final Set<String> r4ResourceTypes;

    /** Cheap: every reader of the process shares one FhirContext (see {@link R4}). */
    public BundleReader() {
        this.context = R4.CONTEXT;
        this.r4ResourceTypes = R4.RESOURCE_TYPES;
    }

    /**
     * The process's R4 FhirContext, built on first use: HAPI's advice is one per process (building one costs about a
     * second; it is thread-safe), and the CLI, the server and the tests build readers in many places.
     */
    private static final class R4 {
        static final FhirContext CONTEXT = create();
        static final Set<String> RESOURCE_TYPES = Set.copyOf(CONTEXT.getResourceTypes());

        private static FhirContext create() {
            FhirContext context = FhirContext.forR4();
            // Without this the first parse scans the whole R4 model (every resource can be contained, so scanning one
            // resource reaches them all): ~740 classes' annotations, about 0.2 s of CPU in a fresh JVM. Deferred, only
            // the types a bundle actually holds are scanned, when first parsed (safe under concurrency since hapi-fhir#3046).
            context.setPerformanceOptions(PerformanceOptionsEnum.DEFERRED_MODEL_SCANNING);
            return context;
        }
    }

    public PatientRecord read(byte[] json, LocalDate asOf, Terminology terminology) throws InvalidBundleException {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(terminology, "terminology");
        return read(BundleScan.scan(json, r4ResourceTypes, terminology), asOf, terminology);
    }

    /** The bundle read from a stream as it arrives (a file, standard input): its bytes are never held whole. */
    public PatientRecord read(java.io.InputStream json, LocalDate asOf, Terminology terminology) throws InvalidBundleException {
        Objects.requireNonNull(asOf, "asOf");
        return read(scan(json, terminology, false, HeldEntries.NONE), asOf);
    }

    /**
     * The first step alone, for a caller that reads a bundle as it arrives and maps it later (a server reads the request
     * body before its turn to evaluate): the streaming scan, with the terminology the mapping will use. With
     * {@code strictKeys} a key given twice in one object is refused. {@code retained} hears of each entry as it is read,
     * with the bytes of JSON held for it, for accounting memory; an exception it throws (a memory budget exhausted)
     * ends the scan and reaches the caller, as does any exception of the stream that is not an IOException.
     */
    public Scanned scan(java.io.InputStream json, Terminology terminology, boolean strictKeys,
                        HeldEntries retained) throws InvalidBundleException {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(terminology, "terminology");
        return new Scanned(BundleScan.scan(json, r4ResourceTypes, terminology, strictKeys, retained), terminology);
    }

    /** The second step: the scanned entries mapped as they stood on {@code asOf}, with the scan's terminology. */
    public PatientRecord read(Scanned scanned, LocalDate asOf) throws InvalidBundleException {
        Objects.requireNonNull(asOf, "asOf");
        return read(scanned.scan, asOf, scanned.terminology);
    }

    /** A bundle scanned and not yet mapped: only the entries the engine reads, with the terminology they were kept by. */
    public static final class Scanned {
        private final BundleScan scan;
        private final Terminology terminology;

        private Scanned(BundleScan scan, Terminology terminology) {
            this.scan = scan;
            this.terminology = terminology;
        }

        /** The terminology the bundle was scanned with (the mapping must use the same). */
        public Terminology terminology() { return terminology; }
    }

    /**
     * Reads a Bundle already held as a Jackson tree, e.g. one assembled from CDS Hooks prefetch, without writing it
     * out and parsing it again. The tree must come from a {@link #jsonMapper()} (decimals as written, not doubles) so
     * the result is the same as reading its bytes; its resources lose their narrative ({@code text}).
     */
    public PatientRecord read(com.fasterxml.jackson.databind.JsonNode bundle, LocalDate asOf, Terminology terminology)
            throws InvalidBundleException {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(terminology, "terminology");
        return read(BundleScan.scan(bundle, r4ResourceTypes, terminology), asOf, terminology);
    }

    /**
     * Reduces one Bundle.entry tree, in place, to what reading it still needs when the engine does not read its
     * resource (see {@code BundleScan.slim}): reading a bundle of reduced entries gives the same record as reading the
     * originals. For callers that hold entries before they become a bundle (CDS Hooks prefetch). True when the entry
     * is kept for the engine.
     */
    public static boolean slimEntry(com.fasterxml.jackson.databind.JsonNode entry, Terminology terminology) {
        return BundleScan.slim(entry, terminology);
    }

    /** The resource types the reader keeps; every other type in a bundle is skipped and counted. */
    public static java.util.Set<String> readTypes() {
        return BundleScan.READ_TYPES;
    }

    /** A new mapper that reads JSON the way this reader does: every decimal a BigDecimal exactly as written. */
    public static com.fasterxml.jackson.databind.ObjectMapper jsonMapper() {
        return BundleScan.newReadingMapper();
    }

    private PatientRecord read(BundleScan scan, LocalDate asOf, Terminology terminology) throws InvalidBundleException {
        EntryParser parser = new EntryParser(context);
        RecordBuilder out = new RecordBuilder(terminology);
        // Replay (issue 10 item 10): the chart as it stood on asOf. What was recorded after it is neither read, nor looked
        // up by another record (a reason, a suspect), nor counted as skipped or unreadable.
        out.skipped.putAll(scan.skippedAsOf(asOf));
        out.unreadable.addAll(scan.problemsAsOf(asOf));
        List<ScannedEntry> chart = scan.chartAsOf(asOf);
        BundleScan asOfScan = scan.withEntries(chart);

        PatientDemographics patient = readPatient(scan.patient, parser, asOf);
        MedicationResolver medications = new MedicationResolver(asOfScan, parser, out, terminology.drugs(),
                new ReasonResolver(asOfScan, parser, terminology));
        int parsedEntries = 1;
        int unknownElementFailures = 0;
        EntryParseException firstVersionLikeFailure = null;
        ScannedEntry firstVersionLikeEntry = null;
        for (ScannedEntry entry : chart) {
            parsedEntries++;
            EntryContext ctx = new EntryContext(entry, out);
            try {
                UnreadableInput unattributed = scan.unattributed.get(entry.index());
                if (unattributed != null) {
                    parser.parse(resourceClass(entry), entry); // an entry that does not parse is reported as such
                    out.unreadable.add(unattributed);
                    continue;
                }
                map(entry, ctx, parser, medications);
            } catch (EntryParseException e) {
                ctx.problem(e.field(), "not readable as FHIR R4 " + entry.resourceType() + ": " + e.getMessage());
                if (e.kind() == EntryParseException.Kind.UNKNOWN_ELEMENT) {
                    unknownElementFailures++;
                    if (firstVersionLikeFailure == null) {
                        firstVersionLikeFailure = e;
                        firstVersionLikeEntry = entry;
                    }
                }
            } catch (RuntimeException e) {
                // A mapper surprise must cost one entry, not the patient's whole evaluation.
                ctx.problem(null, "could not be mapped: " + e);
            }
        }
        if (unknownElementFailures >= 2 && unknownElementFailures * 2 > parsedEntries) {
            String message = "not FHIR R4: " + unknownElementFailures + " of " + parsedEntries
                    + " resources have elements that FHIR R4 does not define (first: "
                    + firstVersionLikeFailure.field() + ", " + firstVersionLikeFailure.getMessage() + ")";
            throw new InvalidBundleException(message, List.copyOf(out.unreadable.isEmpty()
                    ? List.of(new UnreadableInput(firstVersionLikeEntry.index(), firstVersionLikeEntry.reference(),
                            firstVersionLikeFailure.field(), message))
                    : out.unreadable));
        }
        return out.build(patient);
    }

    private static PatientDemographics readPatient(ScannedEntry entry, EntryParser parser, LocalDate asOf)
            throws InvalidBundleException {
        try {
            Patient parsed = parser.parse(Patient.class, entry);
            DeceasedCheck.refuseIfDeceased(parsed, entry, asOf);
            return PatientMapper.map(parsed, entry, asOf);
        } catch (EntryParseException e) {
            String prefix = e.kind() == EntryParseException.Kind.UNKNOWN_ELEMENT ? "not FHIR R4: " : "";
            throw InvalidBundleException.at(entry.index(), entry.reference(), e.field(),
                    prefix + "the Patient cannot be read: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Class<? extends org.hl7.fhir.r4.model.Resource> resourceClass(ScannedEntry entry) {
        return (Class<? extends org.hl7.fhir.r4.model.Resource>) context.getResourceDefinition(entry.resourceType()).getImplementingClass();
    }

    private static void map(ScannedEntry entry, EntryContext ctx, EntryParser parser, MedicationResolver medications) {
        switch (entry.resourceType()) {
            case "Condition":
                ConditionMapper.map(parser.parse(Condition.class, entry), ctx);
                break;
            case "Observation":
                ObservationMapper.map(parser.parse(Observation.class, entry), ctx);
                break;
            case "MedicationStatement": {
                MedicationStatement ms = parser.parse(MedicationStatement.class, entry);
                int from = ctx.out().medications.size();
                MedicationMapper.mapStatement(ms, ctx, medications);
                BlindedProducts.mark(ms.getMedication(), ms, ms.getNote(), from, ctx, medications);
                break;
            }
            case "MedicationAdministration": {
                MedicationAdministration ma = parser.parse(MedicationAdministration.class, entry);
                int from = ctx.out().medications.size();
                MedicationMapper.mapAdministration(ma, ctx, medications);
                BlindedProducts.mark(ma.getMedication(), ma, ma.getNote(), from, ctx, medications);
                break;
            }
            case "MedicationRequest": {
                MedicationRequest mr = parser.parse(MedicationRequest.class, entry);
                int from = ctx.out().medications.size();
                MedicationMapper.mapRequest(mr, ctx, medications);
                BlindedProducts.mark(mr.getMedication(), mr, mr.getNote(), from, ctx, medications);
                break;
            }
            case "MedicationDispense": {
                org.hl7.fhir.r4.model.MedicationDispense md = parser.parse(org.hl7.fhir.r4.model.MedicationDispense.class, entry);
                int from = ctx.out().medications.size();
                MedicationMapper.mapDispense(md, ctx, medications);
                BlindedProducts.mark(md.getMedication(), md, md.getNote(), from, ctx, medications);
                break;
            }
            case "Procedure":
                ProcedureMapper.map(parser.parse(Procedure.class, entry), ctx, medications);
                break;
            case "AllergyIntolerance":
                AllergyMapper.map(parser.parse(AllergyIntolerance.class, entry), ctx);
                break;
            case "AdverseEvent":
                AdverseEventMapper.map(parser.parse(org.hl7.fhir.r4.model.AdverseEvent.class, entry), ctx, medications);
                break;
            default:
                throw new IllegalStateException("BundleScan kept a type no mapper reads: " + entry.resourceType());
        }
    }
}
