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
import org.myelomacds.facts.ConditionAfterAsOf;
import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DrugExposure;
import org.myelomacds.facts.DrugIntolerance;
import org.myelomacds.facts.EstimateAlternative;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.LineCountUncertain;
import org.myelomacds.facts.Measurement;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.PossibleCondition;
import org.myelomacds.facts.PriorLine;
import org.myelomacds.facts.RegimenCandidate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
     * (LOT-B15; issue 10 item 1), so the timeline is derived again with the progression as an input and the session run
     * again; the nadir then restarts with the new line, as the rules read it. A possible progression (an unconfirmed rise,
     * one partial dates leave undecided) opens no line: when reading it as one gives other lines, the count is a range
     * (LineCountUncertain). Most records need one pass; the thresholds stay in one place, the DRL.
     */
    public Assessment evaluate(PatientRecord record, EvaluationContext context) {
        List<DiseaseStatus> fedBack = new ArrayList<>();
        List<DiseaseStatus> possible = new ArrayList<>();
        for (int pass = 1; ; pass++) {
            Pass p = evaluate(record, context, fedBack, possible, pass < MAX_PASSES);
            if (p.assessment() != null) return p.assessment();
            fedBack = p.fedBack();
            possible = p.possible();
        }
    }

    /** One session's outcome: the assessment, or the progressions to feed back for another pass. */
    private record Pass(Assessment assessment, List<DiseaseStatus> fedBack,
                        List<DiseaseStatus> possible) {}

    private Pass evaluate(PatientRecord original, EvaluationContext context,
                          List<DiseaseStatus> fedBack,
                          List<DiseaseStatus> possible, boolean mayRerun) {
        PatientRecord record = original;
        if (!fedBack.isEmpty()) {
            List<DiseaseStatus> statuses = new ArrayList<>(original.diseaseStatuses());
            statuses.addAll(fedBack);
            record = withDiseaseStatuses(original, statuses);
        }
        List<Measurement> measurements = new ArrayList<>(record.measurements());
        // The estimate joins the measurements; the values it could have had with inputs a partial date may make current
        // instead are facts of their own, judged by rules/derive/current-results.drl (DERIVE-CURRENT-03).
        List<EstimateAlternative> estimateAlternatives = new ArrayList<>();
        CockcroftGault.estimateWithAlternatives(record.patient(), record.measurements(), context.getAsOf()).ifPresent(e -> {
            measurements.add(e.estimate());
            e.alternatives().forEach(a -> estimateAlternatives.add(new EstimateAlternative(e.estimate(), a)));
        });
        // A statement whose use is unknown (status "unknown") may or may not have been taken: it opens no line and makes
        // no exposure; the lines are derived again as if it were taken (the count a range when they differ), and a gap
        // per record leaves naivety, refractoriness and washout from it undecided (CDS-POLICY-HISTORY-STATUS-UNKNOWN).
        List<MedicationRecord> withUseUnknown = record.medications();
        List<MedicationRecord> useUnknown = withUseUnknown.stream().filter(TherapyRecords::isUseUnknown).toList();
        if (!useUnknown.isEmpty()) {
            record = withMedications(record, withUseUnknown.stream().filter(r -> !TherapyRecords.isUseUnknown(r)).toList());
        }
        // An order's dispense authorisation does not carry its drug through a documented progression into a new regimen
        // without it (CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION): such an order ends on the progression.
        List<MedicationRecord> authorisedCut = org.myelomacds.derive.AuthorisedSupplyEnds.cut(record.medications(),
                record.diseaseStatuses(), context.getAsOf());
        if (authorisedCut != record.medications()) record = withMedications(record, authorisedCut);
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
        Set<MedicationRecord> unstarted = Collections.newSetFromMap(new IdentityHashMap<>());
        unstarted.addAll(notStarted);
        Set<MedicationRecord> exposureOnly = Collections.newSetFromMap(new IdentityHashMap<>());
        exposureOnly.addAll(purpose.exposureOnly());
        List<MedicationRecord> myeloma = purpose.myeloma().stream().filter(r -> !unstarted.contains(r)).toList();
        List<MedicationRecord> exposed = purpose.exposed().stream().filter(r -> !unstarted.contains(r)).toList();
        List<DrugExposure> exposures = ExposureAggregator.aggregate(exposed, record.intolerances(), context.getAsOf()).exposures();
        // A drug not tolerated is not tolerated whatever it was given for: every record counts, not only myeloma therapy.
        List<DrugIntolerance> intolerances = Intolerances.of(record.medications(), record.intolerances(), context.getAsOf());
        // The conditions: a myeloma relapse code dated between a line and therapy joining it by a window leaves the count
        // undecided (CDS-POLICY-WINDOW-RELAPSE-CODE).
        TherapyTimeline timeline = LineOfTherapyDeriver.withNotStarted(LineOfTherapyDeriver.timeline(myeloma,
                purpose.procedures(), record.diseaseStatuses(), context.getAsOf(), purpose.undecided(), record.conditions(),
                possible), myeloma, notStarted.stream().filter(r -> !exposureOnly.contains(r)).toList(),
                purpose.procedures(), record.diseaseStatuses(), context.getAsOf());
        if (!useUnknown.isEmpty()) {
            List<MedicationRecord> taken = new ArrayList<>(record.medications());
            taken.addAll(useUnknown);
            TherapyPurpose.Split ifTaken = TherapyPurpose.split(taken, record.procedures(), record.conditions(),
                    context.getAsOf());
            LineCountUncertain u = LineOfTherapyDeriver.useUnknownUncertain(ifTaken.myeloma(),
                    purpose.procedures(), record.diseaseStatuses(), context.getAsOf(), timeline, useUnknown);
            if (u != null) {
                timeline = new TherapyTimeline(timeline.lines(), timeline.courses(),
                        timeline.lineCountUncertain() == null ? u : timeline.lineCountUncertain().and(u));
            }
        }
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
            // a diagnosis dated after asOf is not read; it is inserted only so the setting can say it exists (sweep B R11)
            for (ClinicalCondition c : record.conditionsAfterAsOf()) session.insert(new ConditionAfterAsOf(c));
            insertAll(session, measurements);
            insertAll(session, estimateAlternatives);
            insertAll(session, record.diseaseStatuses());
            insertAll(session, record.transplantAssertions());
            insertAll(session, exposed);
            insertAll(session, purpose.other());
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
            if (mayRerun) {
                Pass again = feedBack(session, original, record, purpose, context, fedBack, possible);
                if (again != null) return again;
            }
            return new Pass(new AssessmentAssembler(rulebase, record, context, exposures, lines, measurements)
                    .assemble(session, trace.entries()), fedBack, possible);
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

    /**
     * The progressions the rules derived that the timeline has not read and that change its lines: the earliest certain
     * one (the nadir of anything later restarts with the line it opens, so later ones are derived again), else every
     * possible one not yet read. Null when none changes the lines.
     */
    private static Pass feedBack(KieSession session, PatientRecord original, PatientRecord record,
                                 TherapyPurpose.Split purpose, EvaluationContext context,
                                 List<DiseaseStatus> fedBack,
                                 List<DiseaseStatus> possible) {
        List<DiseaseStatus> derived = new ArrayList<>();
        for (Object o : session.getObjects(o -> o instanceof DiseaseStatus d && d.isDerived()
                && d.isDated() && !d.getDate().isAfter(context.getAsOf()))) {
            derived.add((DiseaseStatus) o);
        }
        derived.sort(Comparator.comparing(DiseaseStatus::getDate)
                .thenComparing(DiseaseStatus::getDerivation));
        for (DiseaseStatus d : derived) {
            if (!d.isProgression() || record.diseaseStatuses().stream().anyMatch(q -> samePossible(q, d))) continue;
            if (LineOfTherapyDeriver.changesLines(purpose.myeloma(), purpose.procedures(), record.diseaseStatuses(),
                    context.getAsOf(), d)) {
                List<DiseaseStatus> more = new ArrayList<>(fedBack);
                more.add(d);
                return new Pass(null, more, List.of());
            }
        }
        List<DiseaseStatus> morePossible = new ArrayList<>(possible);
        for (DiseaseStatus d : derived) {
            if (!d.isPossibleProgression() || possible.stream().anyMatch(q -> samePossible(q, d))) continue;
            DiseaseStatus asProgression = DiseaseStatus.derivedProgression(
                    d.getDate(), d.getProvenance().isEmpty() ? null : d.getProvenance().get(0), d.getDerivation());
            DiseaseStatus onLastDay = DiseaseStatus.derivedProgression(
                    d.getLatest().isAfter(context.getAsOf()) ? context.getAsOf() : d.getLatest(),
                    d.getProvenance().isEmpty() ? null : d.getProvenance().get(0), d.getDerivation());
            if (LineOfTherapyDeriver.changesLines(purpose.myeloma(), purpose.procedures(), record.diseaseStatuses(),
                    context.getAsOf(), asProgression)
                    || LineOfTherapyDeriver.changesLines(purpose.myeloma(), purpose.procedures(), record.diseaseStatuses(),
                    context.getAsOf(), onLastDay)) {
                morePossible.add(d);
            }
        }
        return morePossible.size() > possible.size() ? new Pass(null, fedBack, morePossible) : null;
    }

    /** The same derived assessment (a new session derives a new object for it). */
    private static boolean samePossible(DiseaseStatus a, DiseaseStatus b) {
        return a.isDated() && b.isDated() && a.getDate().equals(b.getDate()) && a.getLatest().equals(b.getLatest())
                && Objects.equals(a.getDerivation(), b.getDerivation());
    }

    private static PatientRecord withDiseaseStatuses(PatientRecord r, List<DiseaseStatus> statuses) {
        return new PatientRecord(r.patient(), r.conditions(), r.measurements(), statuses,
                r.transplantAssertions(), r.medications(), r.procedures(), r.allergies(), r.cytogenetics(), r.isotypes(),
                r.unreadable(), r.skippedResources(), r.unrecognised(), r.intolerances());
    }

    private static PatientRecord withMedications(PatientRecord r, List<MedicationRecord> medications) {
        return new PatientRecord(r.patient(), r.conditions(), r.measurements(), r.diseaseStatuses(),
                r.transplantAssertions(), medications, r.procedures(), r.allergies(), r.cytogenetics(), r.isotypes(),
                r.unreadable(), r.skippedResources(), r.unrecognised(), r.intolerances(), r.conditionsAfterAsOf());
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
