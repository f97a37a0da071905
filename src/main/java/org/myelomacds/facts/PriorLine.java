package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One line of therapy per IMWG/Rajkumar (LOT-B15): a planned programme of one or more regimens, with its drugs,
 * dates and the reason it counts as a new line (e.g. "new regimen after all drugs of line 1 stopped",
 * "unplanned addition of daratumumab", "stem-cell transplant outside a planned sequence").
 * {@code lastLine} marks the most recent line; {@code ongoing} a line still being given at asOf. {@code openedBy} names
 * the line-of-therapy rule that opened it; {@code transplants} the kind of each stem-cell transplant in it, in date order;
 * {@code gaps} the long intervals after which its drugs resumed without documented progression (still this line).
 */
public final class PriorLine implements HasProvenance {
    private final int number;
    private final LocalDate start;
    private final LocalDate end;
    private final List<Drug> drugs;
    private final boolean includesTransplant;
    private final boolean ongoing;
    private final boolean lastLine;
    private final String reason;
    private final LineOpening openedBy;
    private final List<ProcedureKind> transplants;
    private final boolean drugTherapyRecorded;
    private final List<Provenance> provenance;
    private final LocalDate startLatest;
    private final LocalDate endEarliest;
    private final LocalDate endLatest;
    private final List<TherapyGap> gaps;
    private final boolean inductionMissing;
    /**
     * What a line holding only transplants shows of its record, for the data gap that says its drugs are missing: the
     * transplant with its day and conditioning, and a stem-cell mobilisation it holds ("a stem-cell mobilisation
     * (cyclophosphamide on 2025-05-12) and a transplant (autologous stem-cell transplant on 2025-07-01, conditioning:
     * melphalan on 2025-06-30)"); null when the deriver gave none (FINDINGS H4).
     */
    private final String transplantRecordText;
    /**
     * CDS-POLICY-LINE-UNDER-WAY (FINDINGS G6): the last line, not "ongoing" by its records' own reading, whose last dose
     * lies within its own largest dosing interval before asOf (as CDS-POLICY-CONTINUE-AFTER-PD measures it): that
     * interval in days, and the drug whose doses set it; 0 and null when the line is not under way so.
     */
    private final int underWayIntervalDays;
    private final Drug underWayPacing;
    /**
     * FINDINGS J7: the last dose of the line's corticosteroid when it was given on after the line's other drugs stopped,
     * before the next line's first day (the dexamethasone of Pd given weekly after a single pomalidomide dose); null when
     * none. The line's shown end ({@link #getShownEnd}, {@link #getEndText}) is the later of the two. {@link #getEnd} and
     * its bounds stay the last dose of the drugs that decide (the steroid opens, continues and ends no line), so the
     * refractoriness windows, the relapse reading and the line-count rules read the same day as before.
     */
    private final LocalDate steroidEnd;
    private final LocalDate steroidEndEarliest;
    private final Drug steroid;

    public PriorLine(int number, LocalDate start, LocalDate end, List<Drug> drugs, List<ProcedureKind> transplants,
                     boolean drugTherapyRecorded, boolean ongoing, boolean lastLine, LineOpening openedBy, String reason,
                     List<Provenance> provenance) {
        this(number, start, end, start, end, drugs, transplants, drugTherapyRecorded, ongoing, lastLine, openedBy, reason,
                provenance);
    }

    /**
     * With the precision of its dates: {@code start} is the earliest and {@code startLatest} the latest day the line can
     * have started (a first record dated "2024-03"); {@code endEarliest} and {@code end} bound its last day the same way.
     * Precise dates have both equal.
     */
    public PriorLine(int number, LocalDate start, LocalDate end, LocalDate startLatest, LocalDate endEarliest,
                     List<Drug> drugs, List<ProcedureKind> transplants,
                     boolean drugTherapyRecorded, boolean ongoing, boolean lastLine, LineOpening openedBy, String reason,
                     List<Provenance> provenance) {
        this(number, start, end, startLatest, endEarliest, drugs, transplants, drugTherapyRecorded, ongoing, lastLine,
                openedBy, reason, provenance, List.of());
    }

    /** With the intervals after which the line's drugs resumed without documented progression ({@link TherapyGap}). */
    public PriorLine(int number, LocalDate start, LocalDate end, LocalDate startLatest, LocalDate endEarliest,
                     List<Drug> drugs, List<ProcedureKind> transplants,
                     boolean drugTherapyRecorded, boolean ongoing, boolean lastLine, LineOpening openedBy, String reason,
                     List<Provenance> provenance, List<TherapyGap> gaps) {
        this(number, start, end, startLatest, endEarliest, end, drugs, transplants, drugTherapyRecorded, ongoing, lastLine,
                openedBy, reason, provenance, gaps);
    }

    /**
     * With the latest day its end can fall on when the records do not say when the line's therapy stopped (a course
     * ending on a completed record with only its date, or an open request read as not ongoing; CDS-POLICY-UNKNOWN-END):
     * {@code end} stays the last day the records show, {@code endLatest} is the day before the next line started (else
     * asOf). Equal to {@code end} when the end is known.
     */
    public PriorLine(int number, LocalDate start, LocalDate end, LocalDate startLatest, LocalDate endEarliest,
                     LocalDate endLatest, List<Drug> drugs, List<ProcedureKind> transplants,
                     boolean drugTherapyRecorded, boolean ongoing, boolean lastLine, LineOpening openedBy, String reason,
                     List<Provenance> provenance, List<TherapyGap> gaps) {
        this(number, start, end, startLatest, endEarliest, endLatest, drugs, transplants, drugTherapyRecorded, ongoing,
                lastLine, openedBy, reason, provenance, gaps, false);
    }

    /**
     * {@code inductionMissing}: the first line begins at a stem-cell transplant (with its conditioning) and every drug of
     * it starts on or after the transplant, so the induction that precedes a transplant (LOT-B15) is not in the record
     * (FINDINGS E4: a referral record that starts at the transplant, with maintenance after it).
     */
    public PriorLine(int number, LocalDate start, LocalDate end, LocalDate startLatest, LocalDate endEarliest,
                     LocalDate endLatest, List<Drug> drugs, List<ProcedureKind> transplants,
                     boolean drugTherapyRecorded, boolean ongoing, boolean lastLine, LineOpening openedBy, String reason,
                     List<Provenance> provenance, List<TherapyGap> gaps, boolean inductionMissing) {
        this(number, start, end, startLatest, endEarliest, endLatest, drugs, transplants, drugTherapyRecorded, ongoing,
                lastLine, openedBy, reason, provenance, gaps, inductionMissing, null, 0, null, null, null, null);
    }

    private PriorLine(int number, LocalDate start, LocalDate end, LocalDate startLatest, LocalDate endEarliest,
                      LocalDate endLatest, List<Drug> drugs, List<ProcedureKind> transplants,
                      boolean drugTherapyRecorded, boolean ongoing, boolean lastLine, LineOpening openedBy, String reason,
                      List<Provenance> provenance, List<TherapyGap> gaps, boolean inductionMissing,
                      String transplantRecordText, int underWayIntervalDays, Drug underWayPacing,
                      LocalDate steroidEnd, LocalDate steroidEndEarliest, Drug steroid) {
        boolean later = !ongoing && steroidEnd != null && steroid != null && steroidEnd.isAfter(end);
        this.steroidEnd = later ? steroidEnd : null;
        this.steroidEndEarliest = later ? (steroidEndEarliest == null || steroidEndEarliest.isAfter(steroidEnd)
                ? steroidEnd : steroidEndEarliest) : null;
        this.steroid = later ? steroid : null;
        this.underWayIntervalDays = Math.max(0, underWayIntervalDays);
        this.underWayPacing = this.underWayIntervalDays == 0 ? null : underWayPacing;
        this.transplantRecordText = transplantRecordText == null || transplantRecordText.isBlank() ? null
                : transplantRecordText;
        this.inductionMissing = inductionMissing && !transplants.isEmpty() && drugTherapyRecorded;
        this.number = number;
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        this.drugs = List.copyOf(drugs);
        this.transplants = List.copyOf(transplants);
        this.includesTransplant = !this.transplants.isEmpty();
        this.drugTherapyRecorded = drugTherapyRecorded;
        this.openedBy = Objects.requireNonNull(openedBy, "openedBy");
        this.ongoing = ongoing;
        this.lastLine = lastLine;
        this.reason = reason;
        this.provenance = List.copyOf(provenance);
        this.gaps = List.copyOf(gaps);
        this.startLatest = startLatest == null || startLatest.isBefore(start) ? start
                : startLatest.isAfter(end) ? end : startLatest;
        this.endEarliest = endEarliest == null || endEarliest.isAfter(end) ? end
                : endEarliest.isBefore(this.startLatest) ? this.startLatest : endEarliest;
        this.endLatest = ongoing || endLatest == null || !endLatest.isAfter(end) ? end : endLatest;
    }

    public int getNumber() { return number; }
    public LocalDate getStart() { return start; }
    public LocalDate getEnd() { return end; }
    public long getStartDay() { return start.toEpochDay(); }
    /** Latest day the line can have started (its first record has a partial date); the start when precise. */
    public LocalDate getStartLatest() { return startLatest; }
    /** Epoch day of the latest possible start (the start itself when precise). */
    public long getStartLatestDay() { return startLatest.toEpochDay(); }
    /** Earliest day the line can have ended (its last record has a partial date); the end when precise. */
    public LocalDate getEndEarliest() { return endEarliest; }
    /** Epoch day of the earliest possible end (the end itself when precise). */
    public long getEndEarliestDay() { return endEarliest.toEpochDay(); }
    /** The start as recorded: "2024-03" when the line's first record gives only the month. */
    public String getStartText() { return PartialDateText.of(start, startLatest); }
    /**
     * The end as recorded: "2026-07" when the line's last record gives only the month; "an unknown day before
     * 2024-08-26" (the next line's start) or "an unknown day by 2026-11-01" (asOf, for the last line) when the records
     * do not say when its therapy stopped.
     */
    public String getEndText() {
        if (isEndUnknown()) {
            return lastLine ? "an unknown day by " + endLatest : "an unknown day before " + endLatest.plusDays(1);
        }
        return PartialDateText.of(getShownEndEarliest(), getShownEnd());
    }
    /**
     * The line's dates as a reader should see them: "2022-10-10 to an unknown day before 2024-08-26"; with the last dose
     * the windows count from when its steroid went on after it ({@link #getDecidingEndNote}).
     */
    public String getSpanText() { return getStartText() + " to " + getEndText() + getDecidingEndNote(); }
    /**
     * The records do not say when the line's therapy stopped: it ended some day from {@link #getEnd()} (the last day
     * recorded) to {@link #getEndLatest()}.
     */
    public boolean isEndUnknown() { return endLatest.isAfter(end); }
    /** Latest day the line can have ended: its end, or the bound of an unknown end (see {@link #isEndUnknown()}). */
    public LocalDate getEndLatest() { return endLatest; }
    public long getEndLatestDay() { return endLatest.toEpochDay(); }
    public long getEndDay() { return end.toEpochDay(); }
    public List<Drug> getDrugs() { return drugs; }
    public boolean contains(Drug drug) { return drugs.contains(drug); }
    public boolean isIncludesTransplant() { return includesTransplant; }
    public boolean isOngoing() { return ongoing; }
    public boolean isLastLine() { return lastLine; }
    public String getReason() { return reason; }

    /** This line with {@code more} added to its reason (a note on how it ended; every other field as it is). */
    public PriorLine withReasonNote(String more) {
        if (more == null || more.isBlank()) return this;
        String r = reason == null || reason.isBlank() ? more : reason + "; " + more;
        return new PriorLine(number, start, end, startLatest, endEarliest, endLatest, drugs, transplants,
                drugTherapyRecorded, ongoing, lastLine, openedBy, r, provenance, gaps, false, transplantRecordText,
                underWayIntervalDays, underWayPacing, steroidEnd, steroidEndEarliest, steroid);
    }

    /** This line with what its transplant record shows (see {@link #getTransplantRecordText()}); every other field as it is. */
    public PriorLine withTransplantRecordText(String text) {
        return new PriorLine(number, start, end, startLatest, endEarliest, endLatest, drugs, transplants,
                drugTherapyRecorded, ongoing, lastLine, openedBy, reason, provenance, gaps, inductionMissing, text,
                underWayIntervalDays, underWayPacing, steroidEnd, steroidEndEarliest, steroid);
    }

    /** This line marked under way at asOf by its own rhythm (see {@link #isUnderWayByRhythm()}); every other field as it is. */
    public PriorLine withUnderWay(int intervalDays, Drug pacing) {
        return new PriorLine(number, start, end, startLatest, endEarliest, endLatest, drugs, transplants,
                drugTherapyRecorded, ongoing, lastLine, openedBy, reason, provenance, gaps, inductionMissing,
                transplantRecordText, intervalDays, pacing, steroidEnd, steroidEndEarliest, steroid);
    }

    /**
     * This line with the last dose of {@code drug}, its corticosteroid, given on after its other drugs stopped and before
     * the next line's first day ({@code lastEarliest}: the earliest day a partial date allows); every other field as it
     * is. Ignored when not after {@link #getEnd} or when the line is ongoing (FINDINGS J7).
     */
    public PriorLine withSteroidEnd(LocalDate last, LocalDate lastEarliest, Drug drug) {
        return new PriorLine(number, start, end, startLatest, endEarliest, endLatest, drugs, transplants,
                drugTherapyRecorded, ongoing, lastLine, openedBy, reason, provenance, gaps, inductionMissing,
                transplantRecordText, underWayIntervalDays, underWayPacing, last, lastEarliest, drug);
    }

    /**
     * The line's last day as shown: the last dose of any of its drugs, its corticosteroid included, before the next
     * line's first day (asOf when ongoing). Later than {@link #getEnd} only when the steroid went on after the other
     * drugs stopped (FINDINGS J7); decisions read {@link #getEnd} and its bounds.
     */
    public LocalDate getShownEnd() { return steroidEnd != null ? steroidEnd : end; }
    /** The earliest day the shown end can be (a partial date), as {@link #getEndEarliest} is for {@link #getEnd}. */
    public LocalDate getShownEndEarliest() { return steroidEnd != null ? steroidEndEarliest : endEarliest; }
    /** The corticosteroid given on after the line's other drugs stopped; null when none was (see {@link #getShownEnd}). */
    public Drug getSteroidGivenOn() { return steroid; }
    /**
     * What a text that counts days from the line's last dose must add when the steroid went on after it: "; its last
     * dose other than its steroid (dexamethasone, given on to 2025-10-06) on 2025-09-15, the day the 60-day window of §1.2
     * counts from". Empty otherwise.
     */
    public String getDecidingEndNote() {
        if (steroidEnd == null) return "";
        return "; its last dose other than its steroid (" + steroid.displayName() + ", given on to "
                + PartialDateText.of(steroidEndEarliest, steroidEnd) + ") on " + PartialDateText.of(endEarliest, end)
                + ", the day the 60-day window of §1.2 counts from";
    }

    /**
     * The last line, whose records end before asOf, has its last dose within its own largest dosing interval before asOf
     * (CDS-POLICY-LINE-UNDER-WAY): the next dose is not yet due, so the line is still being given.
     */
    public boolean isUnderWayByRhythm() { return underWayIntervalDays > 0; }
    /** The line is being given at asOf: ongoing by its records, or under way by its own rhythm. */
    public boolean isUnderWay() { return ongoing || isUnderWayByRhythm(); }
    public int getUnderWayIntervalDays() { return underWayIntervalDays; }
    public Drug getUnderWayPacing() { return underWayPacing; }

    /**
     * What a line of transplants only shows of its record: each transplant with its day (its Procedure's date, not the
     * line's start) and conditioning, and a stem-cell mobilisation it holds; null when not given.
     */
    public String getTransplantRecordText() { return transplantRecordText; }
    public LineOpening getOpenedBy() { return openedBy; }
    /** Long intervals after which drugs of this line resumed without documented progression, in date order. */
    public List<TherapyGap> getGaps() { return gaps; }
    /** The kind of each stem-cell transplant of the line (autologous, allogeneic, or kind not recorded), in date order. */
    public List<ProcedureKind> getTransplants() { return transplants; }
    public boolean isIncludesAllogeneicTransplant() { return transplants.contains(ProcedureKind.ALLOGENEIC_STEM_CELL_TRANSPLANT); }
    /** Some anti-myeloma drug of the line is recorded besides a transplant's conditioning. */
    public boolean isDrugTherapyRecorded() { return drugTherapyRecorded; }
    /** The line holds only transplants: no anti-myeloma drug of it is recorded (no induction, no maintenance). */
    public boolean isTransplantOnly() { return includesTransplant && !drugTherapyRecorded; }
    /**
     * The line begins at a transplant and holds drugs given only on or after it (maintenance, consolidation): the
     * induction before the transplant is not recorded. Set on the first line only.
     */
    public boolean isInductionMissing() { return inductionMissing; }
    @Override public List<Provenance> getProvenance() { return provenance; }
}
