package org.myelomacds.engine;

import org.kie.api.runtime.KieSession;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.derive.CockcroftGault;
import org.myelomacds.derive.ExposureAggregator;
import org.myelomacds.derive.Intolerances;
import org.myelomacds.derive.TherapyHistoryBuilder;
import org.myelomacds.derive.TherapyPurpose;
import org.myelomacds.derive.TherapyRecords;
import org.myelomacds.derive.TherapyTimeline;
import org.myelomacds.derive.TimelineDerivation;
import org.myelomacds.derive.UnknownLastDoses;
import org.myelomacds.evidence.RegimenDefinition;
import org.myelomacds.facts.ClinicalCondition;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.DrugIntolerance;
import org.myelomacds.facts.EstimateAlternative;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.PossibleCondition;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.RegimenCandidate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs one patient through the rulebase: arithmetic derivations in Java (Cockcroft-Gault, exposures, lines of
 * therapy), then one Drools session (derive → eligibility → flags → rank, ordered by fact dependencies), then the
 * assembler. Stateless and thread-safe: each call uses its own session.
 */
public final class Evaluator {
    /** A correct rulebase fires a few hundred rules per patient; far more means a rule loop. */
    static final int MAX_FIRINGS = 100_000;

    private final Rulebase rulebase;

    public Evaluator(Rulebase rulebase) { this.rulebase = rulebase; }

    public Rulebase rulebase() { return rulebase; }

    /**
     * Most sessions a patient can take: each pass after the first feeds one more progression the rules derived back to
     * the timeline (or the possible ones once); the M-protein series of a record bounds how many can come.
     */
    static final int MAX_PASSES = 6;

    /**
     * Lines are arithmetic (Java, before the session), but a progression shown only by the serum M-protein is judgement
     * (rules/derive/relapse.drl, IMWG criteria with their citation): the rules derive it against the last line. When a
     * derived progression falls inside the last line before therapy that started after it, that therapy is a new line
     * (LOT-B15; issue 10 item 1), so the timeline is derived again with the progression as an input
     * ({@link TimelineDerivation#next}) and the session run again; the nadir then restarts with the new line, as the rules read it. A possible progression (an unconfirmed rise,
     * one partial dates leave undecided) opens no line: when reading it as one gives other lines, the count is a range
     * (LineCountUncertain). Most records need one pass; the thresholds stay in one place, the DRL.
     */
    public Assessment evaluate(PatientRecord record, EvaluationContext context) {
        TimelineDerivation derivation = TimelineDerivation.of(record, context.getAsOf());
        for (int pass = 1; ; pass++) {
            Pass p = evaluate(derivation, context, pass < MAX_PASSES);
            if (p.assessment() != null) return p.assessment();
            derivation = p.next();
        }
    }

    /** One session's outcome: the assessment, or the timeline derived again with the progressions the rules derived. */
    private record Pass(Assessment assessment, TimelineDerivation next) {}

    private Pass evaluate(TimelineDerivation derivation, EvaluationContext context, boolean mayRerun) {
        PatientRecord record = derivation.record();
        List<Measurement> measurements = new ArrayList<>(record.measurements());
        // The estimate joins the measurements; the values it could have had with inputs a partial date may make current
        // instead are facts of their own, judged by rules/derive/current-results.drl (DERIVE-CURRENT-03).
        List<EstimateAlternative> estimateAlternatives = new ArrayList<>();
        CockcroftGault.estimateWithAlternatives(record.patient(), record.measurements(), context.getAsOf()).ifPresent(e -> {
            measurements.add(e.estimate());
            e.alternatives().forEach(a -> estimateAlternatives.add(new EstimateAlternative(e.estimate(), a)));
        });
        TherapyPurpose.Split purpose = derivation.purpose();
        List<MedicationRecord> useUnknown = derivation.useUnknown();
        List<MedicationRecord> myeloma = derivation.myeloma();
        List<MedicationRecord> exposed = derivation.exposed();
        List<DrugExposure> exposures = ExposureAggregator.aggregate(exposed, record.intolerances(), context.getAsOf()).exposures();
        // A drug not tolerated is not tolerated whatever it was given for: every record counts, not only myeloma therapy.
        List<DrugIntolerance> intolerances = Intolerances.of(record.medications(), record.intolerances(), context.getAsOf());
        // stopped for toxicity and given again: not an intolerance, but the reaction is named (CDS-POLICY-INTOLERANCE-RECHALLENGE)
        List<org.myelomacds.facts.ToleratedRechallenge> rechallenged =
                Intolerances.toleratedOnRechallenge(record.medications(), context.getAsOf());
        TherapyTimeline timeline = derivation.timeline();
        List<PriorLine> lines = timeline.lines();

        KieSession session = rulebase.newSession();
        FiringTrace trace = new FiringTrace(rulebase.ruleIndex());
        try {
            session.addEventListener(trace);
            session.insert(context);
            session.insert(new LabelsInForce(context.getAsOf(), rulebase.regimens()));
            session.insert(record.patient());
            // A possible diagnosis is a fact of its own type: no rule written for diagnoses can act on it by accident.
            for (ClinicalCondition c : record.conditions()) session.insert(c.isPossible() ? new PossibleCondition(c) : c);
            // a diagnosis the bundle dates after asOf is neither read nor named: a replay must equal the chart truncated at
            // asOf (issue 10 item 10; sweep s11 RL5), so the setting says only that none is recorded on or before asOf
            insertAll(session, measurements);
            insertAll(session, estimateAlternatives);
            insertAll(session, record.diseaseStatuses());
            insertAll(session, record.transplantAssertions());
            insertAll(session, exposed);
            insertAll(session, purpose.other());
            // blinded trial products: exposure to and refractoriness to the drug undecided (CDS-POLICY-BLINDED-STUDY-DRUG),
            // the gap stated by the rules unless both study arms read the same (DERIVE-REFRACTORY-88/-89, FINDINGS W6)
            insertAll(session, org.myelomacds.derive.BlindedRecords.candidateGaps(derivation.blinded(), record.medications()));
            // and the span of each, which the washout rules read as one of two readings (rules/derive/washout.drl)
            insertAll(session, org.myelomacds.derive.BlindedRecords.products(derivation.blinded()));
            for (MedicationRecord r : useUnknown) {
                org.myelomacds.facts.DrugHistoryGap g = TherapyRecords.useUnknownGap(r, context.getAsOf(), exposures);
                if (g != null) session.insert(g);
            }
            insertAll(session, purpose.procedures());
            insertAll(session, record.allergies());
            insertAll(session, record.cytogenetics());
            insertAll(session, record.isotypes());
            insertAll(session, record.unreadable());
            // What the engine could not read, so that a gap can name an unidentified medication's codes.
            insertAll(session, record.unrecognised());
            List<org.myelomacds.facts.DosingPeriod> outside = derivation.coursesOutsideLines();
            // a supply's last day handed over to the next regimen's drug is not a dose of the old one (sweep s11 A9)
            exposures = org.myelomacds.derive.SupplyHandOvers.trim(exposures, timeline.courses(), outside, exposed,
                    context.getAsOf());
            exposures = UnknownLastDoses.mark(exposures, timeline.courses(), outside, context.getAsOf());
            insertAll(session, exposures);
            insertAll(session, intolerances);
            insertAll(session, rechallenged);
            insertAll(session, timeline.courses());
            insertAll(session, outside);
            // The records whose end is unknown and that end their drug's course, one fact per drug (an order per cycle
            // must not make one data gap per order): open requests the policy does not read as ongoing
            // (CDS-POLICY-OPEN-REQUEST), and completed or stopped records with only their date (CDS-POLICY-UNKNOWN-END).
            List<org.myelomacds.facts.DosingPeriod> allCourses = new ArrayList<>(timeline.courses());
            allCourses.addAll(outside);
            var openByDrug = new java.util.TreeMap<org.myelomacds.facts.Drug, List<org.myelomacds.facts.TherapyEndNotRecorded.Entry>>();
            var endedByDrug = new java.util.TreeMap<org.myelomacds.facts.Drug, List<org.myelomacds.facts.TherapyEndNotRecorded.Entry>>();
            // Records whose stated end could not be read (a period ending before it starts, a dispense with no supply)
            // make a fact of their own, so their gap says why (GAP-THERAPY-100, -101).
            var unreadableByDrug = new java.util.TreeMap<org.myelomacds.facts.Drug, List<org.myelomacds.facts.TherapyEndNotRecorded.Entry>>();
            // Open orders past their dispense authorisation (CDS-POLICY-OPEN-REQUEST) say so in a gap of their own.
            var pastAuthorisationByDrug = new java.util.TreeMap<org.myelomacds.facts.Drug, List<org.myelomacds.facts.TherapyEndNotRecorded.Entry>>();
            for (var u : TherapyRecords.unknownEnds(exposed, allCourses, context.getAsOf())) {
                if (u.pastAuthorisation()) {
                    pastAuthorisationByDrug.computeIfAbsent(u.record().getDrug(), d -> new ArrayList<>())
                            .add(new org.myelomacds.facts.TherapyEndNotRecorded.Entry(u.record(), u.course()));
                    continue;
                }
                (u.record().getEndUnreadable() != null ? unreadableByDrug : u.openRequest() ? openByDrug : endedByDrug).computeIfAbsent(u.record().getDrug(), d -> new ArrayList<>())
                        .add(new org.myelomacds.facts.TherapyEndNotRecorded.Entry(u.record(), u.course(),
                                u.openRequest() ? TherapyRecords.dispensedThroughKind(u.record(), exposed, context.getAsOf())
                                        : null));
            }
            openByDrug.forEach((drug, entries) -> session.insert(new org.myelomacds.facts.OpenRequestNotOngoing(drug,
                    entries, TherapyRecords.OPEN_REQUEST_ONGOING_DAYS, context.getAsOf())));
            endedByDrug.forEach((drug, entries) -> session.insert(new org.myelomacds.facts.TherapyEndNotRecorded(drug,
                    entries, context.getAsOf())));
            unreadableByDrug.forEach((drug, entries) -> session.insert(new org.myelomacds.facts.TherapyEndNotRecorded(drug,
                    entries, context.getAsOf())));
            pastAuthorisationByDrug.forEach((drug, entries) -> session.insert(
                    new org.myelomacds.facts.OpenOrderPastAuthorisation(drug, entries, context.getAsOf())));
            insertAll(session, lines);
            // Long intervals inside a line (same drugs resumed, no progression documented): named as data gaps.
            for (PriorLine l : lines) insertAll(session, l.getGaps());
            if (timeline.lineCountUncertain() != null) session.insert(timeline.lineCountUncertain());
            session.insert(TherapyHistoryBuilder.build(myeloma, purpose.procedures(), lines));
            // Two progressions with nothing given between them and a response or a long interval between: therapy given
            // elsewhere may be missing (CDS-POLICY-PROGRESSION-PAIR, GAP-THERAPY-87).
            insertAll(session, org.myelomacds.derive.UntreatedProgressionPairs.find(record.diseaseStatuses(), myeloma,
                    purpose.procedures(), context.getAsOf()));
            for (RegimenDefinition r : rulebase.regimens().regimens().values()) {
                session.insert(new RegimenCandidate(r.id(), r.name(), r.antiCd38(), r.components(),
                        r.settings().stream().map(org.myelomacds.facts.DiseaseSetting::valueOf).toList()));
            }
            int fired = fire(session);
            if (fired >= MAX_FIRINGS) {
                throw new EvaluationException("rule evaluation stopped after " + MAX_FIRINGS
                        + " firings: a rule loop in the rulebase (last rules fired: " + lastRules(trace) + ")");
            }
            if (mayRerun) {
                Optional<TimelineDerivation> next = derivation.next(diseaseStatuses(session));
                if (next.isPresent()) return new Pass(null, next.get());
            }
            return new Pass(new AssessmentAssembler(rulebase, record, context, exposures, lines, measurements)
                    .assemble(session, trace.entries()), null);
        } finally {
            // The session goes back to the pool: its listener must not follow it into the next evaluation.
            session.removeEventListener(trace);
            session.dispose();
        }
    }

    /** Rule consequences that refuse to continue (EvaluationException) arrive wrapped by Drools; unwrap them. */
    private static int fire(KieSession session) {
        try {
            return session.fireAllRules(MAX_FIRINGS);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof EvaluationException ee) throw ee;
            }
            throw new EvaluationException("a rule failed during evaluation: " + e);
        }
    }

    /** The disease statuses the session holds after firing (the rules' derived ones among them), in its order. */
    private static List<DiseaseStatus> diseaseStatuses(KieSession session) {
        List<DiseaseStatus> statuses = new ArrayList<>();
        for (Object o : session.getObjects(o -> o instanceof DiseaseStatus)) statuses.add((DiseaseStatus) o);
        return statuses;
    }

    private static void insertAll(KieSession session, Collection<?> facts) {
        for (Object f : facts) session.insert(f);
    }

    private static String lastRules(FiringTrace trace) {
        var entries = trace.entries();
        return entries.subList(Math.max(0, entries.size() - 3), entries.size()).stream()
                .map(e -> e.rule()).distinct().toList().toString();
    }
}
