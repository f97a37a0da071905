package org.myelomacds.derive;

import org.myelomacds.facts.DiseaseStatus;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.LineCountUncertain;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.PriorLine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The treatment timeline of one patient's record, placed once with every reading the record leaves open: the lines are
 * the timeline's, and whatever other reading gives other lines makes the count a range ({@link LineCountUncertain}).
 * The readings, beside those {@link LineOfTherapyDeriver} tries itself (partial dates, undecided purpose, unknown ends,
 * window joins, asserted-only dates): statements whose use is unknown, orders not known to have been started, and
 * progressions the rules derived from the serum M-protein (certain ones fed back as inputs, possible ones read both
 * ways). Immutable: a derived progression that changes the lines gives the next derivation ({@link #next}).
 */
public final class TimelineDerivation {
    private final PatientRecord original;
    private final LocalDate asOf;
    private final List<DiseaseStatus> fedBack;
    private final List<DiseaseStatus> possible;
    private final PatientRecord record;
    private final TherapyPurpose.Split purpose;
    private final List<MedicationRecord> useUnknown;
    private final List<MedicationRecord> myeloma;
    private final List<MedicationRecord> exposed;
    private final List<MedicationRecord> blinded;
    private final TherapyTimeline timeline;
    private final List<DosingPeriod> coursesOutsideLines;

    /** The timeline the record gives before the rules have derived any progression. */
    public static TimelineDerivation of(PatientRecord record, LocalDate asOf) {
        return new TimelineDerivation(record, asOf, List.of(), List.of());
    }

    private TimelineDerivation(PatientRecord original, LocalDate asOf, List<DiseaseStatus> fedBack,
                               List<DiseaseStatus> possible) {
        this.original = original;
        this.asOf = asOf;
        this.fedBack = List.copyOf(fedBack);
        this.possible = List.copyOf(possible);
        PatientRecord record = original;
        if (!fedBack.isEmpty()) {
            List<DiseaseStatus> statuses = new ArrayList<>(original.diseaseStatuses());
            fedBack.forEach(d -> statuses.add(d.asFedBack()));
            record = original.withDiseaseStatuses(statuses);
        }
        // A statement whose use is unknown (status "unknown") may or may not have been taken: it opens no line and makes
        // no exposure; the lines are derived again as if it were taken (the count a range when they differ), and a gap
        // per record leaves naivety, refractoriness and washout from it undecided (CDS-POLICY-HISTORY-STATUS-UNKNOWN).
        // A blinded trial product ("X or placebo") that a record of the drug itself unblinds (continuing its course, no
        // progression between) is the drug (CDS-POLICY-BLINDED-STUDY-DRUG); the rest stay blinded: therapy of their
        // line, but no exposure and no course.
        List<MedicationRecord> unblinded = BlindedRecords.unblinded(record.medications(), record.diseaseStatuses());
        if (unblinded != record.medications()) record = record.withMedications(unblinded);
        List<MedicationRecord> withUseUnknown = record.medications();
        List<MedicationRecord> useUnknown = withUseUnknown.stream().filter(TherapyRecords::isUseUnknown).toList();
        if (!useUnknown.isEmpty()) {
            record = record.withMedications(withUseUnknown.stream().filter(r -> !TherapyRecords.isUseUnknown(r)).toList());
        }
        // An order's dispense authorisation does not carry its drug through a documented progression into a new regimen
        // without it (CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION): such an order ends on the progression.
        List<AuthorisedSupplyEnds.Cut> cuts = AuthorisedSupplyEnds.cuts(record.medications(), record.diseaseStatuses(),
                asOf);
        List<MedicationRecord> authorisedCut = AuthorisedSupplyEnds.cut(record.medications(), record.diseaseStatuses(),
                asOf);
        if (authorisedCut != record.medications()) record = record.withMedications(authorisedCut);
        // An order still active or on-hold whose only end is its dispense authorisation, run out before asOf with nothing
        // later of its drug: that end is only the earliest day the drug can have stopped (CDS-POLICY-OPEN-REQUEST).
        List<MedicationRecord> openPastAuthorisation = OpenOrderAuthorisationEnds.mark(record.medications(), asOf);
        if (openPastAuthorisation != record.medications()) record = record.withMedications(openPastAuthorisation);
        // Therapy for another condition makes no line; therapy for a precursor is an exposure but no line.
        // A transplant done for another condition is not a myeloma transplant; one of undecided purpose stays on the
        // timeline, which says whether the lines depend on it.
        TherapyPurpose.Split purpose = TherapyPurpose.split(record.medications(), record.procedures(), record.conditions(), asOf);
        // Statements dated only by dateAsserted are placed against the lines the dated records form
        // (CDS-POLICY-DATE-ASSERTED); the record then reads as if the placed ones had those dates.
        if (AssertedDates.any(record.medications())) {
            List<PriorLine> dated = LineOfTherapyDeriver.timeline(purpose.myeloma(), purpose.procedures(),
                    record.diseaseStatuses(), asOf, purpose.undecided()).lines();
            record = record.withMedications(AssertedDates.place(record.medications(), dated, record.diseaseStatuses(),
                    asOf));
            purpose = TherapyPurpose.split(record.medications(), record.procedures(), record.conditions(), asOf);
        }
        // A list entry dated by month or year that contains a course the chart gives dose by dose, with nothing of its
        // own outside it, is that course (CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE, FINDINGS I4).
        List<MedicationRecord> asCourses = ChartedCourseEntries.read(record.medications(), purpose.myeloma(),
                purpose.procedures(), record.diseaseStatuses(), asOf, purpose.undecided());
        if (asCourses != record.medications()) {
            record = record.withMedications(asCourses);
            purpose = TherapyPurpose.split(record.medications(), record.procedures(), record.conditions(), asOf);
        }
        // Orders the record does not show were started (CDS-POLICY-ORDERS-NOT-STARTED: on hold, or open with nothing
        // given under them in a chart that records giving) make no line and no exposure; the timeline names them and the
        // line count becomes a range when they could form or change a line.
        List<MedicationRecord> notStarted = TherapyRecords.notKnownStarted(purpose.exposed(), asOf);
        Set<MedicationRecord> unstarted = Collections.newSetFromMap(new IdentityHashMap<>());
        unstarted.addAll(notStarted);
        Set<MedicationRecord> exposureOnly = Collections.newSetFromMap(new IdentityHashMap<>());
        exposureOnly.addAll(purpose.exposureOnly());
        List<MedicationRecord> myeloma = purpose.myeloma().stream().filter(r -> !unstarted.contains(r)).toList();
        List<MedicationRecord> started = purpose.exposed().stream().filter(r -> !unstarted.contains(r)).toList();
        this.blinded = BlindedRecords.blinded(started);
        this.exposed = started.stream().filter(r -> !r.isBlinded()).toList();
        // The conditions: a myeloma relapse code dated between a line and therapy joining it by a window leaves the count
        // undecided (CDS-POLICY-WINDOW-RELAPSE-CODE).
        TherapyTimeline timeline = LineOfTherapyDeriver.withNotStarted(LineOfTherapyDeriver.timeline(myeloma,
                purpose.procedures(), record.diseaseStatuses(), asOf, purpose.undecided(), record.conditions(),
                this.possible), myeloma, notStarted.stream().filter(r -> !exposureOnly.contains(r)).toList(),
                purpose.procedures(), record.diseaseStatuses(), asOf);
        if (!useUnknown.isEmpty()) {
            List<MedicationRecord> taken = new ArrayList<>(record.medications());
            taken.addAll(useUnknown);
            TherapyPurpose.Split ifTaken = TherapyPurpose.split(taken, record.procedures(), record.conditions(), asOf);
            LineCountUncertain u = LineOfTherapyDeriver.useUnknownUncertain(ifTaken.myeloma(),
                    purpose.procedures(), record.diseaseStatuses(), asOf, timeline, useUnknown);
            if (u != null) {
                // R14-1: only the lines that differ between the two readings, and their drugs, depend on the statements.
                java.util.Optional<LineCountUncertain.UseUnknownScope> scope = UseUnknownLines.scope(myeloma,
                        ifTaken.myeloma().stream().filter(r -> !unstarted.contains(r)).toList(), purpose.procedures(),
                        record.diseaseStatuses(), asOf, useUnknown);
                if (scope.isPresent()) u = u.withUseUnknownScope(scope.get());
                timeline = new TherapyTimeline(timeline.lines(), timeline.courses(),
                        timeline.lineCountUncertain() == null ? u : timeline.lineCountUncertain().and(u));
            }
        }
        // The line holding such an order says where it ended and under which policy (FINDINGS D3).
        List<PriorLine> notedLines = AuthorisedSupplyEnds.noted(timeline.lines(), cuts);
        // An old open steroid order read as given on its date only says so on its line (FINDINGS D1).
        notedLines = SteroidOpenOrders.noted(notedLines, record.medications(), asOf);
        // A list entry read as the course charted beside it says so on its line (FINDINGS I4).
        notedLines = ChartedCourseEntries.noted(notedLines, record.medications());
        if (notedLines != timeline.lines()) {
            timeline = new TherapyTimeline(notedLines, timeline.courses(), timeline.lineCountUncertain());
        }
        List<DosingPeriod> courses = BlindedRecords.withoutBlindedCourses(timeline.courses(), blinded);
        // A course ending on a dispense whose two supply figures disagree says so, for its gap (FINDINGS L3).
        courses = SupplyDisagreements.noted(courses, record.medications());
        if (courses != timeline.courses()) {
            timeline = new TherapyTimeline(timeline.lines(), courses, timeline.lineCountUncertain());
        }
        this.record = record;
        this.purpose = purpose;
        this.useUnknown = useUnknown;
        this.myeloma = myeloma;
        this.timeline = timeline;
        this.coursesOutsideLines = LineOfTherapyDeriver.coursesOutsideLines(purpose.exposureOnly(), asOf);
    }

    /** The record as the timeline read it: fed-back progressions added, use-unknown statements out, asserted dates placed. */
    public PatientRecord record() { return record; }

    /** The records split by what they were given for (myeloma, a precursor, another condition, undecided). */
    public TherapyPurpose.Split purpose() { return purpose; }

    /** The statements whose use is unknown (CDS-POLICY-HISTORY-STATUS-UNKNOWN): no line, no exposure, a gap each. */
    public List<MedicationRecord> useUnknown() { return useUnknown; }

    /** The myeloma therapy known to have been started: what the lines are formed from. */
    public List<MedicationRecord> myeloma() { return myeloma; }

    /** The records known to have been started that are exposures (myeloma therapy and therapy for a precursor). */
    public List<MedicationRecord> exposed() { return exposed; }

    /**
     * The given records of blinded trial products that no record of the drug unblinds (CDS-POLICY-BLINDED-STUDY-DRUG):
     * therapy of their line, not in {@link #exposed}, no course; a gap per drug.
     */
    public List<MedicationRecord> blinded() { return blinded; }

    /** The lines and courses, and the range of counts the other readings give (null when none changes them). */
    public TherapyTimeline timeline() { return timeline; }

    /** The courses of therapy that is an exposure but no line (for a precursor), placed in no line. */
    public List<DosingPeriod> coursesOutsideLines() { return coursesOutsideLines; }

    /**
     * The derivation again with what the rules derived ({@code statuses}: the disease statuses a session holds after
     * firing, of which the derived ones are read): the earliest
     * certain progression the timeline has not read and that changes its lines, as an input (the nadir of anything later
     * restarts with the line it opens, so later ones are derived again); else every possible progression not yet read
     * that, read as a progression on its first or last day, changes the lines. Empty when none changes them.
     */
    public Optional<TimelineDerivation> next(List<DiseaseStatus> statuses) {
        List<DiseaseStatus> dated = new ArrayList<>(statuses.stream()
                .filter(d -> d.isDerived() && d.isDated() && !d.getDate().isAfter(asOf)).toList());
        dated.sort(Comparator.comparing(DiseaseStatus::getDate).thenComparing(DiseaseStatus::getDerivation));
        for (DiseaseStatus d : dated) {
            if (!d.isProgression() || record.diseaseStatuses().stream().anyMatch(q -> samePossible(q, d))) continue;
            // a progression that opens a line the windows opened first is fed back too, so the line names it (FINDINGS F8)
            if (LineOfTherapyDeriver.changesLines(purpose.myeloma(), purpose.procedures(), record.diseaseStatuses(),
                    asOf, d) || LineOfTherapyDeriver.changesOpenings(purpose.myeloma(), purpose.procedures(),
                    record.diseaseStatuses(), asOf, d)) {
                List<DiseaseStatus> more = new ArrayList<>(fedBack);
                more.add(d);
                return Optional.of(new TimelineDerivation(original, asOf, more, List.of()));
            }
        }
        List<DiseaseStatus> morePossible = new ArrayList<>(possible);
        for (DiseaseStatus d : dated) {
            if (!d.isPossibleProgression() || possible.stream().anyMatch(q -> samePossible(q, d))) continue;
            DiseaseStatus asProgression = DiseaseStatus.derivedProgression(
                    d.getDate(), d.getProvenance().isEmpty() ? null : d.getProvenance().get(0), d.getDerivation());
            DiseaseStatus onLastDay = DiseaseStatus.derivedProgression(
                    d.getLatest().isAfter(asOf) ? asOf : d.getLatest(),
                    d.getProvenance().isEmpty() ? null : d.getProvenance().get(0), d.getDerivation());
            if (LineOfTherapyDeriver.changesLines(purpose.myeloma(), purpose.procedures(), record.diseaseStatuses(),
                    asOf, asProgression)
                    || LineOfTherapyDeriver.changesLines(purpose.myeloma(), purpose.procedures(), record.diseaseStatuses(),
                    asOf, onLastDay)) {
                morePossible.add(d);
            }
        }
        return morePossible.size() > possible.size()
                ? Optional.of(new TimelineDerivation(original, asOf, fedBack, morePossible)) : Optional.empty();
    }

    /** The same derived assessment (a new session derives a new object for it). */
    private static boolean samePossible(DiseaseStatus a, DiseaseStatus b) {
        return a.isDated() && b.isDated() && a.getDate().equals(b.getDate()) && a.getLatest().equals(b.getLatest())
                && Objects.equals(a.getDerivation(), b.getDerivation());
    }
}
