package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One given, dated course of a drug: all its doses inside one line of therapy ({@code line} = that line's number),
 * first to last dose, clipped to asOf when ongoing; or, for a record placed in no line, that record's own span
 * ({@code line} = 0). Sparse records (three administrations of daratumumab in a D-Vd line) make one course, not three
 * one-day courses. Refractoriness is judged against each course's own window, never against the span from a drug's
 * first dose ever to its last: bortezomib in 2021 and again in 2024 does not make a 2023 progression "on bortezomib".
 */
public final class DosingPeriod implements HasProvenance {
    private final Drug drug;
    private final LocalDate start;
    private final LocalDate end;
    private final int line;
    private final int records;
    private final boolean finalPhase;
    private final boolean stoppedForToxicity;
    private final boolean endRecorded;
    private final boolean endUnknown;
    private final LocalDate startLatest;
    private final LocalDate endEarliest;
    private final LocalDate endLatest;
    private final List<Provenance> provenance;

    public DosingPeriod(Drug drug, LocalDate start, LocalDate end, List<Provenance> provenance) {
        this(drug, start, end, 0, 1, false, false, true, start, end, provenance);
    }

    /** {@code startLatest} and {@code endEarliest} bound a course whose dates are partial (equal to start/end if not). */
    public DosingPeriod(Drug drug, LocalDate start, LocalDate end, int line, int records, boolean finalPhase,
                        boolean stoppedForToxicity, boolean endRecorded, LocalDate startLatest, LocalDate endEarliest,
                        List<Provenance> provenance) {
        this(drug, start, end, line, records, finalPhase, stoppedForToxicity, endRecorded, false, startLatest, endEarliest,
                provenance);
    }

    /**
     * {@code endUnknown}: the course ends on a record that does not say when the therapy ended (an open request the
     * policy does not read as ongoing, CDS-POLICY-OPEN-REQUEST; a completed or stopped order or statement with only its
     * date, CDS-POLICY-UNKNOWN-END). Its latest possible end is {@code end} until {@link #withEndLatest} bounds it.
     */
    public DosingPeriod(Drug drug, LocalDate start, LocalDate end, int line, int records, boolean finalPhase,
                        boolean stoppedForToxicity, boolean endRecorded, boolean endUnknown, LocalDate startLatest,
                        LocalDate endEarliest, List<Provenance> provenance) {
        this(drug, start, end, line, records, finalPhase, stoppedForToxicity, endRecorded, endUnknown, startLatest,
                endEarliest, end, provenance);
    }

    private DosingPeriod(Drug drug, LocalDate start, LocalDate end, int line, int records, boolean finalPhase,
                         boolean stoppedForToxicity, boolean endRecorded, boolean endUnknown, LocalDate startLatest,
                         LocalDate endEarliest, LocalDate endLatest, List<Provenance> provenance) {
        this.drug = Objects.requireNonNull(drug, "drug");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        this.line = line;
        this.records = records;
        this.finalPhase = finalPhase;
        this.stoppedForToxicity = stoppedForToxicity;
        this.endRecorded = endRecorded;
        this.endUnknown = endUnknown;
        this.startLatest = startLatest == null || startLatest.isBefore(start) ? start : startLatest;
        this.endEarliest = endEarliest == null || endEarliest.isAfter(end) ? end : endEarliest;
        this.endLatest = endLatest == null || endLatest.isBefore(end) ? end : endLatest;
        this.provenance = List.copyOf(provenance);
    }

    /**
     * This course with {@code latestEnd} as the latest day of its end and every reading added to it so far (plan bound,
     * evident stop, cycle charting, supply note): each {@code with...} starts from it, so none drops another's.
     */
    private DosingPeriod copy(LocalDate latestEnd) {
        DosingPeriod out = new DosingPeriod(drug, start, end, line, records, finalPhase, stoppedForToxicity, endRecorded,
                endUnknown, startLatest, endEarliest, latestEnd, provenance);
        out.plannedEndBound = plannedEndBound;
        out.assertionBound = assertionBound;
        out.stopEvidentFrom = stopEvidentFrom;
        out.stopEvidentText = stopEvidentText;
        out.cycleEndLatest = cycleEndLatest;
        out.cycleText = cycleText;
        out.supplyNote = supplyNote;
        out.continuedNote = continuedNote;
        out.authorisationNote = authorisationNote;
        out.authorisedEnd = authorisedEnd;
        return out;
    }

    private boolean authorisedEnd;

    /**
     * This course ending on an order whose end comes only from its dispense authorisation (validityPeriod end, supply x
     * repeats): the end says how long the drug could be dispensed, not the day of its last dose
     * (CDS-POLICY-AUTHORISED-END-LINE-DISAGREE). Unchanged unless the end is recorded.
     */
    public DosingPeriod withAuthorisedEnd() {
        if (!endRecorded) return this;
        DosingPeriod out = copy(endLatest);
        out.authorisedEnd = true;
        return out;
    }

    /** The course's recorded end is an order's authorised supply, not a dose date (see {@link #withAuthorisedEnd()}). */
    public boolean isAuthorisedEnd() { return authorisedEnd; }

    /**
     * This course with the latest day its unknown end can fall on (CDS-POLICY-UNKNOWN-END: the day before the next line
     * started, else asOf). Only a course whose end is unknown takes a bound; a bound before the recorded end is ignored.
     */
    public DosingPeriod withEndLatest(LocalDate latest) {
        if (!endUnknown || latest == null) return this;
        DosingPeriod bounded = copy(latest);
        bounded.plannedEndBound = false;
        bounded.assertionBound = false;
        return bounded;
    }

    /**
     * This course with an evident stop (CDS-POLICY-LINEREFR-STOP-EVIDENT): its own records end while the line's other
     * drugs go on being recorded, for longer than the largest interval between its own recorded doses and longer than
     * an ordinary hole in a record (180 days, CDS-POLICY-THERAPY-GAP). A progression from {@code from} on, by then more
     * than that long after the last dose, finds the drug stopped: its own last dose decides (§1.2), not the line's
     * (DERIVE-REFRACTORY-03 does not apply). {@code text} says why, for the line's reason.
     */
    public DosingPeriod withEvidentStop(LocalDate from, String text) {
        if (from == null || endRecorded || endUnknown) return this;
        DosingPeriod out = copy(endLatest);
        out.stopEvidentFrom = from;
        out.stopEvidentText = Objects.requireNonNull(text, "text");
        return out;
    }

    /**
     * This course charted once per cycle (CDS-POLICY-CYCLE-CHARTED-ORAL): an oral drug whose own records recur at a
     * cycle interval, one record a cycle (pomalidomide charted on day 1 of each 28-day cycle). Its last capsule was
     * taken some day from its last record ({@link #getEnd()}) to {@code latest}; {@code text} says how that day is
     * bounded. Unchanged when {@code latest} is not after the end.
     */
    public DosingPeriod withCycleEnd(LocalDate latest, String text) {
        if (latest == null || !latest.isAfter(end)) return this;
        DosingPeriod out = copy(endLatest);
        out.cycleEndLatest = latest;
        out.cycleText = Objects.requireNonNull(text, "text");
        return out;
    }

    private LocalDate cycleEndLatest;
    private String cycleText;

    /** The course is charted once per cycle, its last dose some day up to {@link #getCycleEndLatest()}. */
    public boolean isCycleCharted() { return cycleEndLatest != null; }
    /** The latest day the last dose of a course charted once per cycle can fall on; its end when not so charted. */
    public LocalDate getCycleEndLatest() { return cycleEndLatest == null ? end : cycleEndLatest; }
    public long getCycleEndLatestDay() { return getCycleEndLatest().toEpochDay(); }
    /** How the last cycle's end is bounded, in words; null when the course is not charted once per cycle. */
    public String getCycleText() { return cycleText; }

    private LocalDate stopEvidentFrom;
    private String stopEvidentText;
    private String supplyNote;

    /**
     * This course ending on a dispense whose stated daysSupply and quantity-and-dosage figure disagree
     * (CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE): its end is already the interval between them; {@code text} names the
     * dispense and both figures, for the gap a progression the interval leaves undecided raises.
     */
    public DosingPeriod withSupplyNote(String text) {
        DosingPeriod out = copy(endLatest);
        out.supplyNote = Objects.requireNonNull(text, "text");
        return out;
    }

    /** Why the course's end is an interval between two supply figures of its last dispense; null when it is not. */
    public String getSupplyNote() { return supplyNote; }

    private String continuedNote;

    /**
     * This course ending on a partial date that may lie before the next line started, read as running to that line
     * because the next line gives the drug from its first day (CDS-POLICY-PARTIAL-END-BEFORE-NEXT-LINE, FINDINGS M2);
     * {@code text} names the partial end and the record, for every text that shows the course.
     */
    public DosingPeriod withContinuedNote(String text) {
        DosingPeriod out = copy(endLatest);
        out.continuedNote = Objects.requireNonNull(text, "text");
        return out;
    }

    /** Why the course's end is read as the day before the next line, its own end being partial; null when it is not. */
    public String getContinuedNote() { return continuedNote; }

    private String authorisationNote;

    /**
     * This course ending on a request's validityPeriod end, later than the last day of the supply the request authorises
     * (FINDINGS P7); {@code text} gives both ends and says which one the decisions use.
     */
    public DosingPeriod withAuthorisationNote(String text) {
        DosingPeriod out = copy(endLatest);
        out.authorisationNote = Objects.requireNonNull(text, "text");
        return out;
    }

    /** Why the course ends on an authorisation's validity end rather than on its supply's end; null when it does not. */
    public String getAuthorisationNote() { return authorisationNote; }

    /**
     * The first day on which a progression finds this course evidently stopped (see {@link #withEvidentStop});
     * {@link Long#MAX_VALUE} when the record does not show a stop (sparse charting stays one course to the line's end).
     */
    public long getStopEvidentFromDay() { return stopEvidentFrom == null ? Long.MAX_VALUE : stopEvidentFrom.toEpochDay(); }
    public LocalDate getStopEvidentFrom() { return stopEvidentFrom; }
    /** Why the stop is evident, in words; null when it is not. */
    public String getStopEvidentText() { return stopEvidentText; }

    /**
     * This course bounded as {@link #withEndLatest}, and further by the planned end of the stopped order it ends on
     * (CDS-POLICY-STOPPED-PLANNED-END) when that comes first: a halted order ended by its plan's last day at the latest.
     */
    public DosingPeriod withEndLatest(LocalDate latest, LocalDate plannedEnd) {
        if (plannedEnd == null || (latest != null && !plannedEnd.isBefore(latest))) return withEndLatest(latest);
        DosingPeriod bounded = withEndLatest(plannedEnd);
        if (bounded == this) return this;
        bounded.plannedEndBound = true;
        return bounded;
    }

    /**
     * This course bounded further by the day the stopped or completed statement it ends on was asserted
     * (CDS-POLICY-STOPPED-BY-ASSERTION), when that comes before its latest end so far: the taking had ended by then.
     * Unchanged for a known end, a null day, or a day before the course's last known dose (a data error, no bound).
     */
    public DosingPeriod withStoppedBy(LocalDate assertedOn) {
        if (!endUnknown || assertedOn == null || !assertedOn.isBefore(endLatest) || assertedOn.isBefore(end)) return this;
        DosingPeriod bounded = copy(assertedOn);
        bounded.plannedEndBound = false;
        bounded.assertionBound = true;
        return bounded;
    }

    /** The latest end is the day a stopped or completed statement was asserted (see {@link #withStoppedBy}). */
    private boolean assertionBound;
    public boolean isEndBoundedByAssertion() { return assertionBound; }

    /** The latest end is the planned end of a stopped order (see {@link #withEndLatest(LocalDate, LocalDate)}). */
    private boolean plannedEndBound;
    public boolean isEndBoundedByPlan() { return plannedEndBound; }

    /** The number of the line this course belongs to; 0 when the record is placed in no line. */
    public int getLine() { return line; }
    /**
     * The course belongs to its line's final phase: the line has no transplant followed by drug therapy, or the course
     * runs after the line's last transplant (consolidation/maintenance). Induction drugs that stopped before the
     * transplant of an induction → ASCT → maintenance line are not in the final phase.
     */
    public boolean isFinalPhase() { return finalPhase; }
    /** Some record of the course says the drug was stopped for toxicity or intolerance. */
    public boolean isStoppedForToxicity() { return stoppedForToxicity; }
    /**
     * The course's end is stated by its record (a period with an end after its start, or therapy still running): the
     * drug was stopped then. False when the course ends on a single-dated record (an administration, a one-day
     * statement): the last recorded dose, after which unrecorded doses may have followed.
     */
    public boolean isEndRecorded() { return endRecorded; }
    /**
     * The course ends on an active request with no end that the open-request policy does not read as ongoing: its
     * {@link #getEnd() end} is only the day the request was written, and the drug may have been given at any time after.
     */
    public boolean isEndUnknown() { return endUnknown; }
    /** Latest day the course can have started (a partial start date); the start when precise. */
    public LocalDate getStartLatest() { return startLatest; }
    /** Earliest day the course can have ended (a partial end date); the end when precise. */
    public LocalDate getEndEarliest() { return endEarliest; }
    public long getStartLatestDay() { return startLatest.toEpochDay(); }
    public long getEndEarliestDay() { return endEarliest.toEpochDay(); }
    /**
     * Latest day the course can have ended: its end, except for a course whose end is unknown ({@link #isEndUnknown}),
     * where it is the bound CDS-POLICY-UNKNOWN-END gives (the day before the next line, else asOf).
     */
    public LocalDate getEndLatest() { return endLatest; }
    public long getEndLatestDay() { return endLatest.toEpochDay(); }

    /**
     * Where the unknown end of this course can fall, in words: "some day from 2024-08-26 to 2026-11-01 (the evaluation
     * date)", or "... to 2022-10-09 (the day before line 2 started)" (CDS-POLICY-UNKNOWN-END).
     */
    public String unknownEndText(LocalDate asOf) {
        String bound = plannedEndBound ? "the planned end of the stopped order"
                : assertionBound ? "the dateAsserted of the statement saying it had ended: stopped by then,"
                        + " CDS-POLICY-STOPPED-BY-ASSERTION"
                : endLatest.equals(asOf) ? "the evaluation date"
                : line > 0 ? "the day before line " + (line + 1) + " started" : "the latest it can be";
        return "some day from " + endEarliest + " to " + endLatest + " (" + bound + ")";
    }
    public boolean isDateImprecise() { return !startLatest.equals(start) || !endEarliest.equals(end); }
    /** How many records (or parts of records) the course was assembled from. */
    public int getRecords() { return records; }

    public Drug getDrug() { return drug; }
    public LocalDate getStart() { return start; }
    public LocalDate getEnd() { return end; }
    public long getStartDay() { return start.toEpochDay(); }
    public long getEndDay() { return end.toEpochDay(); }
    @Override public List<Provenance> getProvenance() { return provenance; }
}
