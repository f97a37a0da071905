package org.myelomacds.engine;

import org.kie.api.runtime.KieSession;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.derive.CockcroftGault;
import org.myelomacds.derive.AssertedDates;
import org.myelomacds.derive.ExposureAggregator;
import org.myelomacds.derive.Intolerances;
import org.myelomacds.derive.LineOfTherapyDeriver;
import org.myelomacds.derive.TherapyHistoryBuilder;
import org.myelomacds.derive.TherapyPurpose;
import org.myelomacds.derive.TherapyRecords;
import org.myelomacds.derive.TherapyTimeline;
import org.myelomacds.derive.UnknownLastDoses;
import org.myelomacds.evidence.RegimenDefinition;
import org.myelomacds.facts.ClinicalCondition;
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

    public Assessment evaluate(PatientRecord record, EvaluationContext context) {
        List<Measurement> measurements = new ArrayList<>(record.measurements());
        // The estimate joins the measurements; the values it could have had with inputs a partial date may make current
        // instead are facts of their own, judged by rules/derive/current-results.drl (DERIVE-CURRENT-03).
        List<EstimateAlternative> estimateAlternatives = new ArrayList<>();
        CockcroftGault.estimateWithAlternatives(record.patient(), record.measurements(), context.getAsOf()).ifPresent(e -> {
            measurements.add(e.estimate());
            e.alternatives().forEach(a -> estimateAlternatives.add(new EstimateAlternative(e.estimate(), a)));
        });
        // Therapy for another condition makes no line; therapy for a precursor is an exposure but no line.
        // A transplant done for another condition is not a myeloma transplant; one of undecided purpose stays on the
        // timeline, which says whether the lines depend on it.
        TherapyPurpose.Split purpose = TherapyPurpose.split(record.medications(), record.procedures(), record.conditions(),
                context.getAsOf());
        // Statements dated only by dateAsserted are placed against the lines the dated records form
        // (CDS-POLICY-DATE-ASSERTED); the record then reads as if the placed ones had those dates.
        if (AssertedDates.any(record.medications())) {
            List<PriorLine> dated = LineOfTherapyDeriver.timeline(purpose.myeloma(), purpose.procedures(),
                    record.diseaseStatuses(), context.getAsOf(), purpose.undecided()).lines();
            record = withMedications(record, AssertedDates.place(record.medications(), dated, record.diseaseStatuses(),
                    context.getAsOf()));
            purpose = TherapyPurpose.split(record.medications(), record.procedures(), record.conditions(),
                    context.getAsOf());
        }
        // Orders the record does not show were started (CDS-POLICY-ORDERS-NOT-STARTED: on hold, or open with nothing
        // given under them in a chart that records giving) make no line and no exposure; the timeline names them and the
        // line count becomes a range when they could form or change a line.
        List<MedicationRecord> notStarted = TherapyRecords.notKnownStarted(purpose.exposed(), context.getAsOf());
        java.util.Set<MedicationRecord> unstarted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        unstarted.addAll(notStarted);
        java.util.Set<MedicationRecord> exposureOnly = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        exposureOnly.addAll(purpose.exposureOnly());
        List<MedicationRecord> myeloma = purpose.myeloma().stream().filter(r -> !unstarted.contains(r)).toList();
        List<MedicationRecord> exposed = purpose.exposed().stream().filter(r -> !unstarted.contains(r)).toList();
        List<DrugExposure> exposures = ExposureAggregator.aggregate(exposed, record.intolerances(), context.getAsOf()).exposures();
        // A drug not tolerated is not tolerated whatever it was given for: every record counts, not only myeloma therapy.
        List<DrugIntolerance> intolerances = Intolerances.of(record.medications(), record.intolerances(), context.getAsOf());
        TherapyTimeline timeline = LineOfTherapyDeriver.withNotStarted(LineOfTherapyDeriver.timeline(myeloma,
                purpose.procedures(), record.diseaseStatuses(), context.getAsOf(), purpose.undecided()), myeloma,
                notStarted.stream().filter(r -> !exposureOnly.contains(r)).toList(), purpose.procedures(),
                record.diseaseStatuses(), context.getAsOf());
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
            insertAll(session, measurements);
            insertAll(session, estimateAlternatives);
            insertAll(session, record.diseaseStatuses());
            insertAll(session, record.transplantAssertions());
            insertAll(session, exposed);
            insertAll(session, purpose.other());
            insertAll(session, purpose.procedures());
            insertAll(session, record.allergies());
            insertAll(session, record.cytogenetics());
            insertAll(session, record.isotypes());
            insertAll(session, record.unreadable());
            // What the engine could not read, so that a gap can name an unidentified medication's codes.
            insertAll(session, record.unrecognised());
            List<org.myelomacds.facts.DosingPeriod> outside =
                    LineOfTherapyDeriver.coursesOutsideLines(purpose.exposureOnly(), context.getAsOf());
            exposures = UnknownLastDoses.mark(exposures, timeline.courses(), outside, context.getAsOf());
            insertAll(session, exposures);
            insertAll(session, intolerances);
            insertAll(session, timeline.courses());
            insertAll(session, outside);
            // The records whose end is unknown and that end their drug's course, one fact per drug (an order per cycle
            // must not make one data gap per order): open requests the policy does not read as ongoing
            // (CDS-POLICY-OPEN-REQUEST), and completed or stopped records with only their date (CDS-POLICY-UNKNOWN-END).
            List<org.myelomacds.facts.DosingPeriod> allCourses = new ArrayList<>(timeline.courses());
            allCourses.addAll(outside);
            var openByDrug = new java.util.TreeMap<org.myelomacds.facts.Drug, List<org.myelomacds.facts.TherapyEndNotRecorded.Entry>>();
            var endedByDrug = new java.util.TreeMap<org.myelomacds.facts.Drug, List<org.myelomacds.facts.TherapyEndNotRecorded.Entry>>();
            for (var u : TherapyRecords.unknownEnds(exposed, allCourses, context.getAsOf())) {
                (u.openRequest() ? openByDrug : endedByDrug).computeIfAbsent(u.record().getDrug(), d -> new ArrayList<>())
                        .add(new org.myelomacds.facts.TherapyEndNotRecorded.Entry(u.record(), u.course()));
            }
            openByDrug.forEach((drug, entries) -> session.insert(new org.myelomacds.facts.OpenRequestNotOngoing(drug,
                    entries, TherapyRecords.OPEN_REQUEST_ONGOING_DAYS, context.getAsOf())));
            endedByDrug.forEach((drug, entries) -> session.insert(new org.myelomacds.facts.TherapyEndNotRecorded(drug,
                    entries, context.getAsOf())));
            insertAll(session, lines);
            // Long intervals inside a line (same drugs resumed, no progression documented): named as data gaps.
            for (PriorLine l : lines) insertAll(session, l.getGaps());
            if (timeline.lineCountUncertain() != null) session.insert(timeline.lineCountUncertain());
            session.insert(TherapyHistoryBuilder.build(myeloma, purpose.procedures(), lines));
            for (RegimenDefinition r : rulebase.regimens().regimens().values()) {
                session.insert(new RegimenCandidate(r.id(), r.name(), r.antiCd38(), r.components(),
                        r.settings().stream().map(org.myelomacds.facts.DiseaseSetting::valueOf).toList()));
            }
            int fired = fire(session);
            if (fired >= MAX_FIRINGS) {
                throw new EvaluationException("rule evaluation stopped after " + MAX_FIRINGS
                        + " firings: a rule loop in the rulebase (last rules fired: " + lastRules(trace) + ")");
            }
            return new AssessmentAssembler(rulebase, record, context, exposures, lines, measurements)
                    .assemble(session, trace.entries());
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

    private static PatientRecord withMedications(PatientRecord r, List<MedicationRecord> medications) {
        return new PatientRecord(r.patient(), r.conditions(), r.measurements(), r.diseaseStatuses(),
                r.transplantAssertions(), medications, r.procedures(), r.allergies(), r.cytogenetics(), r.isotypes(),
                r.unreadable(), r.skippedResources(), r.unrecognised(), r.intolerances());
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
