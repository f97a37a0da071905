package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One medication resource as read: which drug, when it started and ended, and whether it is only planned
 * (a draft or proposed request, an intended statement) rather than given. {@code groupRef} is the plan it
 * belongs to (CarePlan via basedOn/partOf) when the record says so; line-of-therapy derivation uses it to tell
 * a planned sequence from an unplanned change. {@code stoppedForToxicity} is true when the status reason says
 * the drug was stopped for an adverse event or intolerance.
 */
public final class MedicationRecord implements HasProvenance {
    private final Drug drug;
    private final Route route;
    private final MedicationSource source;
    private final String status;
    private final boolean planned;
    private final LocalDate start;
    private final LocalDate end;
    private final LocalDate startLatest;
    private final LocalDate endEarliest;
    private final String groupRef;
    private final boolean stoppedForToxicity;
    private final Provenance provenance;
    private final List<TherapyReason> reasons;
    private final String stopReason;
    private final List<Drug> stopReasonDrugs;
    /** dateAsserted of a statement with no effective[x] (earliest and latest day it stands for); null otherwise. */
    private final LocalDate assertedOn;
    private final LocalDate assertedOnLatest;
    /** How the timeline read the asserted date (placed in a line and why, or why not); null when not decided. */
    private final String assertedNote;
    private final LocalDate plannedEnd;
    /**
     * The dateAsserted (its latest day) of a stopped or completed statement that gives a start and no end: the taking
     * had ended by that day (CDS-POLICY-STOPPED-BY-ASSERTION); null for every other record.
     */
    private final LocalDate stoppedBy;
    /** The first day of a dateAsserted recorded by month or year ("2026-01"); {@link #stoppedBy} is its last. */
    private final LocalDate stoppedByEarliest;
    /**
     * The end comes only from the order's dispense authorisation (validityPeriod end, supply x repeats), not from a
     * dosing period (CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION reads such an end as a ceiling).
     */
    private final boolean endFromAuthorisation;
    /**
     * An active or on-hold order whose end comes only from its dispense authorisation, which ran out before asOf, with
     * nothing later of its drug: the order is still open, so that end is only the earliest day the drug can have
     * stopped and its end after it is unknown (CDS-POLICY-OPEN-REQUEST; derive.OpenOrderAuthorisationEnds).
     */
    private final boolean authorisationEndOpen;
    /**
     * Set with {@link #authorisationEndOpen} on the last record of a drug whose earlier order is still open past its
     * dispense authorisation, no later order or statement of the drug closing it: the orders that keep this record's end
     * open (CDS-POLICY-OPEN-REQUEST; derive.OpenOrderAuthorisationEnds). Empty otherwise.
     */
    private final List<MedicationRecord> endKeptOpenBy;
    /**
     * For a request whose end is its validityPeriod end: the last day of the supply it authorises (expectedSupplyDuration
     * x (1 + numberOfRepeatsAllowed)) when earlier, so texts can show both ends (FINDINGS P7); null otherwise.
     */
    private final LocalDate authorisedSupplyEnd;
    /**
     * What in the chart says this record is stem-cell mobilisation (its own words or reason, or a G-CSF or plerixafor
     * dose given with it: {@code medication-transplant-preparation}); null when nothing does. Read only for
     * cyclophosphamide given alone (CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING).
     */
    private final String mobilisationSign;
    /**
     * The words of the record (name, dosage text, stated reason) saying it was given as prophylaxis of graft-versus-host
     * disease ({@code medication-gvhd-prophylaxis}: "GVHD prophylaxis", "post-transplant cyclophosphamide"); null when
     * none do. Read by the timeline only beside an allogeneic transplant (CDS-POLICY-GVHD-PROPHYLAXIS).
     */
    private final String gvhdProphylaxisSign;
    /**
     * Whether the record names, by word or code, a drug whose doses on the classic days after an allogeneic transplant
     * are its GVHD prophylaxis with no words saying so ({@code medication-gvhd-prophylaxis-by-schedule}: methotrexate on
     * days +1, +3, +6, +11). Read only beside such a transplant (derive/TherapyPurpose, CDS-POLICY-GVHD-PROPHYLAXIS).
     */
    private final boolean gvhdProphylaxisByScheduleDrug;
    /**
     * How this partial-dated record was read as a course the chart gives dose by dose
     * (CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE, FINDINGS I4); null when it was not.
     */
    private final String chartedCourseNote;
    /** A dispense whose daysSupply disagrees with its quantity and dosage: both figures (CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE). */
    private final String supplyDisagreement;
    /**
     * Why the end the record gives could not be read (a period ending before it starts, a dispense without a supply):
     * the record's end is then null and unknown, never its start day; null for every other record.
     */
    private final EndUnreadable endUnreadable;
    /** The end as the record states it, when it could not be read ("2022-08-01"); null otherwise. */
    private final String endAsRecorded;
    /**
     * The words saying this record is a blinded trial product, its drug or a placebo ("or placebo", "double-blind"),
     * quoted with where they stand; null when it is not one (CDS-POLICY-BLINDED-STUDY-DRUG).
     */
    private final String blinded;
    /**
     * The record's free-text note (FHIR note.text, several joined by " / "), kept only to be quoted: notes are never
     * read as the arm of a blinded product (CDS-POLICY-BLINDED-STUDY-DRUG, FINDINGS N2); null when none.
     */
    private final String note;
    /**
     * The words the record names its medication by (the concept's text, else its codings), kept to tell apart records
     * of the catalogue's unclassified antineoplastic (UnnamedTherapyCourses); null when the record names it otherwise.
     */
    private final String medicationWords;
    private final String statusAsRecorded;

    public MedicationRecord(Drug drug, Route route, MedicationSource source, String status, boolean planned,
                            LocalDate start, LocalDate end, String groupRef, boolean stoppedForToxicity,
                            Provenance provenance) {
        this(drug, route, source, status, planned, start, end, start, end, groupRef, stoppedForToxicity, provenance);
    }

    /**
     * With imprecise dates: {@code start} is the earliest and {@code startLatest} the latest day the recorded start
     * can stand for; {@code end} the latest and {@code endEarliest} the earliest day the recorded end can stand for
     * (a start of "2025-03" is 2025-03-01 .. 2025-03-31). Precise dates have both equal.
     */
    public MedicationRecord(Drug drug, Route route, MedicationSource source, String status, boolean planned,
                            LocalDate start, LocalDate end, LocalDate startLatest, LocalDate endEarliest, String groupRef,
                            boolean stoppedForToxicity, Provenance provenance) {
        this(drug, route, source, status, planned, start, end, startLatest, endEarliest, groupRef, stoppedForToxicity,
                provenance, List.of());
    }

    /** With the reasons the record states (reasonReference, reasonCode), in record order. */
    public MedicationRecord(Drug drug, Route route, MedicationSource source, String status, boolean planned,
                            LocalDate start, LocalDate end, LocalDate startLatest, LocalDate endEarliest, String groupRef,
                            boolean stoppedForToxicity, Provenance provenance, List<TherapyReason> reasons) {
        this.reasons = List.copyOf(reasons == null ? List.of() : reasons);
        this.drug = Objects.requireNonNull(drug, "drug");
        this.route = route == null ? Route.UNKNOWN : route;
        this.source = Objects.requireNonNull(source, "source");
        this.status = status;
        this.planned = planned;
        this.start = start;
        this.end = end;
        this.startLatest = startLatest == null || start == null || startLatest.isBefore(start) ? start : startLatest;
        this.endEarliest = endEarliest == null || end == null || endEarliest.isAfter(end) ? end : endEarliest;
        this.groupRef = groupRef;
        this.stoppedForToxicity = stoppedForToxicity;
        this.provenance = provenance;
        this.stopReason = null;
        this.stopReasonDrugs = List.of();
        this.assertedOn = null;
        this.assertedOnLatest = null;
        this.assertedNote = null;
        this.plannedEnd = null;
        this.stoppedBy = null;
        this.stoppedByEarliest = null;
        this.endFromAuthorisation = false;
        this.authorisationEndOpen = false;
        this.endKeptOpenBy = List.of();
        this.authorisedSupplyEnd = null;
        this.medicationWords = null;
        this.statusAsRecorded = null;
        this.mobilisationSign = null;
        this.gvhdProphylaxisSign = null;
        this.gvhdProphylaxisByScheduleDrug = false;
        this.chartedCourseNote = null;
        this.supplyDisagreement = null;
        this.endUnreadable = null;
        this.endAsRecorded = null;
        this.blinded = null;
        this.note = null;
    }

    private MedicationRecord(Copy c) {
        this.drug = c.drug;
        this.route = c.route;
        this.source = c.source;
        this.status = c.status;
        this.planned = c.planned;
        this.start = c.start;
        this.end = c.end;
        this.startLatest = c.startLatest;
        this.endEarliest = c.endEarliest;
        this.groupRef = c.groupRef;
        this.stoppedForToxicity = c.stoppedForToxicity;
        this.provenance = c.provenance;
        this.reasons = c.reasons;
        this.stopReason = c.stopReason;
        this.stopReasonDrugs = c.stopReasonDrugs;
        this.assertedOn = c.assertedOn;
        this.assertedOnLatest = c.assertedOnLatest == null || c.assertedOn == null || c.assertedOnLatest.isBefore(c.assertedOn)
                ? c.assertedOn : c.assertedOnLatest;
        this.assertedNote = c.assertedNote;
        this.plannedEnd = c.plannedEnd;
        this.stoppedBy = c.stoppedBy;
        this.stoppedByEarliest = c.stoppedByEarliest == null ? c.stoppedBy : c.stoppedByEarliest;
        this.endFromAuthorisation = c.endFromAuthorisation;
        this.authorisationEndOpen = c.authorisationEndOpen;
        this.endKeptOpenBy = c.endKeptOpenBy;
        this.authorisedSupplyEnd = c.authorisedSupplyEnd;
        this.medicationWords = c.medicationWords;
        this.statusAsRecorded = c.statusAsRecorded;
        this.mobilisationSign = c.mobilisationSign;
        this.gvhdProphylaxisSign = c.gvhdProphylaxisSign;
        this.gvhdProphylaxisByScheduleDrug = c.gvhdProphylaxisByScheduleDrug;
        this.chartedCourseNote = c.chartedCourseNote;
        this.supplyDisagreement = c.supplyDisagreement;
        this.endUnreadable = c.endUnreadable;
        this.endAsRecorded = c.endAsRecorded;
        this.blinded = c.blinded;
        this.note = c.note;
    }

    /**
     * Every field of a record, to change a few of them and build the changed record: the with-methods below each
     * change what they name and keep the rest, so a field added here is carried by all of them.
     */
    private static final class Copy {
        private Drug drug;
        private Route route;
        private MedicationSource source;
        private String status;
        private boolean planned;
        private LocalDate start;
        private LocalDate end;
        private LocalDate startLatest;
        private LocalDate endEarliest;
        private String groupRef;
        private boolean stoppedForToxicity;
        private Provenance provenance;
        private List<TherapyReason> reasons;
        private String stopReason;
        private List<Drug> stopReasonDrugs;
        private LocalDate assertedOn;
        private LocalDate assertedOnLatest;
        private String assertedNote;
        private LocalDate plannedEnd;
        private LocalDate stoppedBy;
        private LocalDate stoppedByEarliest;
        private boolean endFromAuthorisation;
        private boolean authorisationEndOpen;
        private List<MedicationRecord> endKeptOpenBy = List.of();
        private LocalDate authorisedSupplyEnd;
        private String medicationWords;
        private String statusAsRecorded;
        private String mobilisationSign;
        private String gvhdProphylaxisSign;
        private boolean gvhdProphylaxisByScheduleDrug;
        private String chartedCourseNote;
        private String supplyDisagreement;
        private EndUnreadable endUnreadable;
        private String endAsRecorded;
        private String blinded;
        private String note;

        private Copy(MedicationRecord r) {
            drug = r.drug;
            route = r.route;
            source = r.source;
            status = r.status;
            planned = r.planned;
            start = r.start;
            end = r.end;
            startLatest = r.startLatest;
            endEarliest = r.endEarliest;
            groupRef = r.groupRef;
            stoppedForToxicity = r.stoppedForToxicity;
            provenance = r.provenance;
            reasons = r.reasons;
            stopReason = r.stopReason;
            stopReasonDrugs = r.stopReasonDrugs;
            assertedOn = r.assertedOn;
            assertedOnLatest = r.assertedOnLatest;
            assertedNote = r.assertedNote;
            plannedEnd = r.plannedEnd;
            stoppedBy = r.stoppedBy;
            stoppedByEarliest = r.stoppedByEarliest;
            endFromAuthorisation = r.endFromAuthorisation;
            authorisationEndOpen = r.authorisationEndOpen;
            endKeptOpenBy = r.endKeptOpenBy;
            authorisedSupplyEnd = r.authorisedSupplyEnd;
            medicationWords = r.medicationWords;
            statusAsRecorded = r.statusAsRecorded;
            mobilisationSign = r.mobilisationSign;
            gvhdProphylaxisSign = r.gvhdProphylaxisSign;
            gvhdProphylaxisByScheduleDrug = r.gvhdProphylaxisByScheduleDrug;
            chartedCourseNote = r.chartedCourseNote;
            supplyDisagreement = r.supplyDisagreement;
            endUnreadable = r.endUnreadable;
            endAsRecorded = r.endAsRecorded;
            blinded = r.blinded;
            note = r.note;
        }

        private MedicationRecord build() { return new MedicationRecord(this); }
    }

    /**
     * This record with what in the chart says it is stem-cell mobilisation ("its text: 'stem cell mobilisation'",
     * "filgrastim on 2023-04-22 (MedicationAdministration/g-1)"); the first sign found is kept.
     */
    public MedicationRecord withMobilisationSign(String sign) {
        if (sign == null || mobilisationSign != null) return this;
        Copy c = new Copy(this);
        c.mobilisationSign = sign;
        return c.build();
    }

    /** This record with the words saying it was given as GVHD prophylaxis (CDS-POLICY-GVHD-PROPHYLAXIS); null keeps it. */
    public MedicationRecord withGvhdProphylaxisSign(String sign) {
        if (sign == null || gvhdProphylaxisSign != null) return this;
        Copy c = new Copy(this);
        c.gvhdProphylaxisSign = sign;
        return c.build();
    }

    /**
     * This partial-dated record read as the course the chart gives dose by dose (CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE):
     * it starts on the course's first dose ({@code start}, a day), and its end, still the record's latest day, is no
     * earlier than the course's last dose ({@code endEarliest}); {@code note} says so.
     */
    public MedicationRecord asChartedCourse(LocalDate start, LocalDate endEarliest, String note) {
        Copy c = new Copy(this);
        c.start = start;
        c.startLatest = start;
        c.endEarliest = endEarliest == null || this.end == null || endEarliest.isAfter(this.end) ? this.end
                : this.endEarliest != null && this.endEarliest.isAfter(endEarliest) ? this.endEarliest : endEarliest;
        c.chartedCourseNote = note;
        return c.build();
    }

    /**
     * This dispense with the reason its end is an interval: its stated daysSupply and the figure its quantity and dosage
     * give disagree ({@code text} names both); the end is already the interval between them (CDS-POLICY-DISPENSE-SUPPLY-FROM-DOSAGE).
     */
    public MedicationRecord withSupplyDisagreement(String text) {
        Copy c = new Copy(this);
        c.supplyDisagreement = text;
        return c.build();
    }

    /** Why this dispense's end is an interval between two supply figures, or null. */
    public String getSupplyDisagreement() { return supplyDisagreement; }

    /** How this record was read as a charted course, or null (CDS-POLICY-PARTIAL-ENTRY-CHARTED-COURSE). */
    public String getChartedCourseNote() { return chartedCourseNote; }

    /**
     * This record read as {@code other}: an uncatalogued oral drug whose timing against a documented progression says it
     * may be anti-myeloma therapy (CDS-POLICY-ORAL-AFTER-PROGRESSION).
     */
    public MedicationRecord withDrug(Drug other) {
        Copy c = new Copy(this);
        c.drug = Objects.requireNonNull(other, "drug");
        return c.build();
    }

    /**
     * This record with the end it gives unreadable ({@code why}; {@code asRecorded}: the end as written, or null when the
     * record states none): its end becomes unknown (null), from its start to the day before the next line, else asOf,
     * as CDS-POLICY-UNKNOWN-END bounds it. The start is kept.
     */
    public MedicationRecord withEndUnreadable(EndUnreadable why, String asRecorded) {
        Copy c = new Copy(this);
        c.end = null;
        c.endEarliest = null;
        c.endUnreadable = Objects.requireNonNull(why, "why");
        c.endAsRecorded = asRecorded;
        return c.build();
    }

    /** Why the end the record gives could not be read; null when it could (or the record gives none). */
    public EndUnreadable getEndUnreadable() { return endUnreadable; }

    /** The unreadable end as the record states it ("2022-08-01"); null when none is stated or the end was read. */
    public String getEndAsRecorded() { return endAsRecorded; }

    /**
     * This record as a blinded trial product ({@code words}: what says so, "its text: 'or placebo'"), or, with null, as
     * the drug itself (a record of the drug unblinds it).
     */
    public MedicationRecord withBlinded(String words) {
        if (java.util.Objects.equals(words, blinded)) return this;
        Copy c = new Copy(this);
        c.blinded = words;
        return c.build();
    }

    /** This record with its free-text note, kept to be quoted, never read (CDS-POLICY-BLINDED-STUDY-DRUG). */
    public MedicationRecord withNote(String text) {
        if (java.util.Objects.equals(text, note)) return this;
        Copy c = new Copy(this);
        c.note = text;
        return c.build();
    }

    /**
     * This record replayed at an evaluation date before the end its chart status describes: {@code recorded} is the status
     * the chart holds ("completed"), written after that date; {@link #getStatus()} is the one the record had on it
     * ("active"), as the replay reads it (fhir.AsOfCut). Null when the replay kept the recorded status.
     */
    public MedicationRecord withStatusAsRecorded(String recorded) {
        if (recorded == null || recorded.equals(status) || recorded.equals(statusAsRecorded)) return this;
        Copy c = new Copy(this);
        c.statusAsRecorded = recorded;
        return c.build();
    }

    /** The status the chart holds when a replay read another one on the evaluation date; null otherwise. */
    public String getStatusAsRecorded() { return statusAsRecorded; }

    /**
     * The status as a text quotes it: the recorded one, with a note when it was written after the evaluation date
     * ("completed (a status written after the evaluation date; read as active on it)", FINDINGS V6), else the status.
     */
    public String getStatusText() {
        if (statusAsRecorded == null) return status;
        return statusAsRecorded + " (a status written after the evaluation date; read as " + status + " on it)";
    }

    /** This record with the words that name its medication (see {@link #getMedicationWords()}). */
    public MedicationRecord withMedicationWords(String words) {
        if (java.util.Objects.equals(words, medicationWords)) return this;
        Copy c = new Copy(this);
        c.medicationWords = words;
        return c.build();
    }

    /**
     * The words the record names its medication by: the concept's text, else its codings ("system|code"); null when not
     * kept. Read only to tell one unclassified study drug from another (UnnamedTherapyCourses), never as a drug name.
     */
    public String getMedicationWords() { return medicationWords; }

    /** The record's free-text note, or null; quoted in gaps, never read as a decision. */
    public String getNote() { return note; }

    /** What says this record is a blinded trial product, or null (CDS-POLICY-BLINDED-STUDY-DRUG). */
    public String getBlinded() { return blinded; }
    public boolean isBlinded() { return blinded != null; }

    /** What says this record is stem-cell mobilisation, or null (CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING). */
    public String getMobilisationSign() { return mobilisationSign; }

    public String getGvhdProphylaxisSign() { return gvhdProphylaxisSign; }

    /** This record marked as naming a drug read as GVHD prophylaxis by its days (CDS-POLICY-GVHD-PROPHYLAXIS); false keeps it. */
    public MedicationRecord withGvhdProphylaxisByScheduleDrug(boolean names) {
        if (!names || gvhdProphylaxisByScheduleDrug) return this;
        Copy c = new Copy(this);
        c.gvhdProphylaxisByScheduleDrug = true;
        return c.build();
    }

    public boolean isGvhdProphylaxisByScheduleDrug() { return gvhdProphylaxisByScheduleDrug; }

    /** This request with its end marked as coming only from its dispense authorisation (validity, supply x repeats). */
    public MedicationRecord withEndFromAuthorisation() {
        Copy c = new Copy(this);
        c.endFromAuthorisation = true;
        return c.build();
    }

    public boolean isEndFromAuthorisation() { return endFromAuthorisation; }

    /**
     * This open order with its authorisation's end read as the earliest day its drug can have stopped, the end after it
     * unknown (CDS-POLICY-OPEN-REQUEST: an active or on-hold order past its dispense authorisation).
     */
    public MedicationRecord withAuthorisationEndOpen() {
        Copy c = new Copy(this);
        c.authorisationEndOpen = true;
        return c.build();
    }

    /**
     * This record, the last of its drug, with its end read as the earliest day the drug can have stopped because
     * {@code openOrders} (earlier orders of the drug, still open past their dispense authorisation) were not closed by any
     * later order or statement (CDS-POLICY-OPEN-REQUEST). Read like {@link #withAuthorisationEndOpen}.
     */
    public MedicationRecord withEndKeptOpenBy(List<MedicationRecord> openOrders) {
        Copy c = new Copy(this);
        c.authorisationEndOpen = true;
        c.endKeptOpenBy = List.copyOf(openOrders);
        return c.build();
    }

    /** See {@link #withAuthorisationEndOpen} and {@link #withEndKeptOpenBy}. */
    public boolean isAuthorisationEndOpen() { return authorisationEndOpen; }

    /** The open orders that keep this record's end open ({@link #withEndKeptOpenBy}); empty when none do. */
    public List<MedicationRecord> getEndKeptOpenBy() { return endKeptOpenBy; }

    /** This request whose validityPeriod end is later than the last day of the supply it authorises ({@code supplyEnd}). */
    public MedicationRecord withAuthorisedSupplyEnd(LocalDate supplyEnd) {
        Copy c = new Copy(this);
        c.authorisedSupplyEnd = supplyEnd;
        return c.build();
    }

    public LocalDate getAuthorisedSupplyEnd() { return authorisedSupplyEnd; }

    /**
     * This request ending on {@code day} (a documented progression), its authorised end no longer read
     * (CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION).
     */
    public MedicationRecord endingOn(LocalDate day) {
        Copy c = new Copy(this);
        c.end = day;
        c.endEarliest = day == null ? null : endEarliest != null && endEarliest.isBefore(day) ? endEarliest : day;
        c.endFromAuthorisation = false;
        c.authorisationEndOpen = false;
        c.endKeptOpenBy = List.of();
        return c.build();
    }

    /**
     * This undated statement with its dateAsserted ({@code earliest}..{@code latest}, equal when recorded to the day):
     * the day the statement was made, which bounds when the drug was taken (CDS-POLICY-DATE-ASSERTED). The record stays
     * undated (no start) until the timeline places it ({@link #placedByAssertion}).
     */
    public MedicationRecord withDateAsserted(LocalDate earliest, LocalDate latest) {
        if (start != null || earliest == null) return this;
        Copy c = new Copy(this);
        c.start = null;
        c.startLatest = null;
        c.assertedOn = earliest;
        c.assertedOnLatest = latest;
        c.assertedNote = null;
        return c.build();
    }

    /**
     * This asserted-only record placed on the timeline (CDS-POLICY-DATE-ASSERTED): it started some day from
     * {@code startEarliest} to its asserted day, its end unknown from that day on; {@code note} says why it was placed.
     */
    public MedicationRecord placedByAssertion(LocalDate startEarliest, String note) {
        if (assertedOn == null || start != null) throw new IllegalStateException("not an undated asserted record");
        Copy c = new Copy(this);
        c.start = startEarliest;
        c.startLatest = assertedOn;
        c.assertedNote = note;
        return c.build();
    }

    /**
     * This record with its partial start placed on one day it can stand for (T7: the timeline tries the days of a start
     * known only to the month or year, to see whether the line count depends on it). Itself when undated.
     */
    public MedicationRecord startingOn(LocalDate day) {
        if (start == null || day == null) return this;
        Copy c = new Copy(this);
        c.start = day;
        c.startLatest = day;
        return c.build();
    }

    /** This asserted-only record left undated, with why the timeline could not place it. */
    public MedicationRecord notPlacedByAssertion(String note) {
        if (assertedOn == null || start != null) return this;
        Copy c = new Copy(this);
        c.assertedNote = note;
        return c.build();
    }

    /**
     * This record with the last day its order was planned to run to, for a request stopped before that day
     * (CDS-POLICY-STOPPED-PLANNED-END): the record's own end is then unknown ({@link #getEnd()} null) and lies from its
     * start to this day at the latest.
     */
    public MedicationRecord withPlannedEnd(LocalDate plannedEnd) {
        Copy c = new Copy(this);
        c.plannedEnd = plannedEnd;
        return c.build();
    }

    /**
     * This stopped or completed statement with the day it was asserted, which its unknown end lies on or before
     * (CDS-POLICY-STOPPED-BY-ASSERTION). Unchanged when the record states an end or {@code assertedLatest} is null.
     */
    public MedicationRecord withStoppedBy(LocalDate assertedLatest) {
        return withStoppedBy(assertedLatest, assertedLatest);
    }

    /**
     * The same, for a dateAsserted recorded by month or year: {@code assertedEarliest} is its first day, kept only so
     * texts quote the date as recorded ("asserted in 2026-01, read as by 2026-01-31"); the bound is its last day.
     */
    public MedicationRecord withStoppedBy(LocalDate assertedLatest, LocalDate assertedEarliest) {
        if (assertedLatest == null || end != null) return this;
        Copy c = new Copy(this);
        c.stoppedBy = assertedLatest;
        c.stoppedByEarliest = assertedEarliest == null || assertedEarliest.isAfter(assertedLatest) ? assertedLatest : assertedEarliest;
        return c.build();
    }

    /**
     * This record with the status reason as the record words it ({@code text}: its text, else its codings' displays) and
     * the catalogue drugs that wording names ("grade 3 heart failure on carfilzomib" names carfilzomib). The drugs named
     * tell whose toxicity stopped the record: a partner stopped with its line carries the line's reason.
     */
    public MedicationRecord withStopReason(String text, List<Drug> drugsNamed) {
        Copy c = new Copy(this);
        c.stopReason = text == null || text.isBlank() ? null : text.strip();
        c.stopReasonDrugs = List.copyOf(drugsNamed == null ? List.of() : drugsNamed);
        return c.build();
    }

    public Drug getDrug() { return drug; }
    public DrugClass getDrugClass() { return drug.getDrugClass(); }
    public Route getRoute() { return route; }
    public MedicationSource getSource() { return source; }
    /** The FHIR status code as recorded (e.g. "completed", "active", "stopped", "draft"). */
    public String getStatus() { return status; }
    public boolean isPlanned() { return planned; }
    public LocalDate getStart() { return start; }
    /**
     * Last day of exposure. A single-dated administration has end == start; null means open-ended or not stated (an
     * active record; a completed or stopped statement or order with only its date, whose end is unknown:
     * CDS-POLICY-UNKNOWN-END).
     */
    public LocalDate getEnd() { return end; }
    /** Latest day the start can stand for (equals the start when the date is precise). */
    public LocalDate getStartLatest() { return startLatest; }
    /** Earliest day the end can stand for (equals the end when the date is precise). */
    public LocalDate getEndEarliest() { return endEarliest; }
    /** The start or the end is a partial date (a month or a year), so the record spans an uncertain interval. */
    public boolean isDateImprecise() {
        return (start != null && !start.equals(startLatest)) || (end != null && !end.equals(endEarliest));
    }
    public String getGroupRef() { return groupRef; }
    /** Why the drug was given, as the record states it; empty when it does not say. */
    public List<TherapyReason> getReasons() { return reasons; }
    /** The status reason says the record was stopped for an adverse event or intolerance (whose, see {@link #getStopReasonDrugs}). */
    public boolean isStoppedForToxicity() { return stoppedForToxicity; }
    /** The status reason as recorded (text, else coding displays); null when the record gives none. */
    public String getStopReason() { return stopReason; }
    /** The catalogue drugs the status reason names, in catalogue order; empty when it names none. */
    public List<Drug> getStopReasonDrugs() { return stopReasonDrugs; }
    /** dateAsserted of a statement that gives no effective[x] (its earliest day); null for any other record. */
    public LocalDate getAssertedOn() { return assertedOn; }
    /** Latest day the dateAsserted stands for (equal to {@link #getAssertedOn()} when recorded to the day). */
    public LocalDate getAssertedOnLatest() { return assertedOnLatest; }
    /** Dated only by dateAsserted and placed on the timeline by CDS-POLICY-DATE-ASSERTED. */
    public boolean isPlacedByAssertion() { return assertedOn != null && start != null; }
    /** Why the timeline placed (or did not place) the asserted-only record; null when not decided. */
    public String getAssertedNote() { return assertedNote; }

    /**
     * What dateAsserted says about when the drug was taken (CDS-POLICY-DATE-ASSERTED), or null when the record has no
     * asserted-only date: an active statement was being taken that day ("taken on 2024-08-26 (asserted; start
     * unknown)"); a completed, stopped or on-hold one was last taken on or before it; any other given one was taken on
     * or before it.
     */
    public String getAssertedText() {
        if (assertedOn == null) return null;
        String day = PartialDateText.of(assertedOn, assertedOnLatest);
        String s = status == null ? "" : status.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "active" -> "taken on " + day + " (asserted; start unknown)";
            case "completed", "stopped", "on-hold" -> "last taken on or before " + day + " (asserted; start unknown)";
            default -> "taken on or before " + day + " (asserted; when unknown)";
        };
    }

    /** "has no date", or for an asserted-only record "has no effective date: taken on 2024-08-26 (asserted; ...)". */
    public String getNoDateWords() {
        String asserted = getAssertedText();
        return asserted == null ? "has no date" : "has no effective date: " + asserted;
    }

    /**
     * The planned last day of a stopped request (its boundsDuration, validityPeriod end or dispensed supply): the latest
     * day the halted therapy can have ended, not the day it did. Null for every other record.
     */
    public LocalDate getPlannedEnd() { return plannedEnd; }
    /**
     * The dateAsserted of a stopped or completed statement with a start and no end: the latest day its therapy can have
     * ended (CDS-POLICY-STOPPED-BY-ASSERTION). Null for every other record.
     */
    public LocalDate getStoppedBy() { return stoppedBy; }
    /**
     * The dateAsserted that bounds the end, as recorded: "asserted on 2026-01-10", or for a month or year "asserted in
     * 2026-01 (read as by 2026-01-31)", the latest day being the bound (FINDINGS O6); null with no such bound.
     */
    public String getStoppedByText() {
        if (stoppedBy == null) return null;
        if (stoppedByEarliest == null || !stoppedByEarliest.isBefore(stoppedBy)) return "asserted on " + stoppedBy;
        String recorded = PartialDateText.of(stoppedByEarliest, stoppedBy);
        return (recorded.startsWith("between ") ? "asserted " : "asserted in ") + recorded + " (read as by " + stoppedBy + ")";
    }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
