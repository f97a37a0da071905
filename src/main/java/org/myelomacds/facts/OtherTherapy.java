package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A medication record, or a stem-cell transplant, that is not a line of myeloma therapy (derive/TherapyPurpose,
 * CDS-POLICY-OTHER-THERAPY), with the rule that decided ({@link Decision}) and why, naming the records it rests on.
 * {@code exposure}: the drug still counts as given (its DrugExposure, anti-CD38 washout and refractoriness) although it
 * opens no line — therapy for smouldering myeloma, MGUS or AL amyloidosis, and an anti-CD38 antibody whatever it was
 * given for. A transplant is never an exposure: it is simply not a myeloma transplant.
 */
public final class OtherTherapy implements HasProvenance {
    /** Which rule decided that the record is not myeloma therapy. */
    public enum Decision {
        STATED_REASON("the record's stated reason (reasonReference or reasonCode) is another condition"),
        BEFORE_DIAGNOSIS("given and ended before the first myeloma or precursor diagnosis, while another cancer was diagnosed"),
        PRECURSOR("given for smouldering myeloma, MGUS or AL amyloidosis: an exposure, not a line of myeloma therapy"),
        NO_MYELOMA_USE("an antineoplastic with no use in myeloma, given while another cancer was on record: therapy of that"
                + " cancer (CDS-POLICY-NO-MYELOMA-USE)"),
        NO_MYELOMA_USE_REASON_UNKNOWN("an antineoplastic with no use in myeloma, with no stated reason and no other cancer on"
                + " record: other therapy, not a line or an exposure of any myeloma class; its reason is asked for"
                + " (CDS-POLICY-NO-MYELOMA-USE)");

        private final String rule;

        Decision(String rule) { this.rule = rule; }

        /** The rule in words, as the findings and the report print it. */
        public String rule() { return rule; }
    }

    private final MedicationRecord record;
    private final ProcedureRecord procedure;
    private final Decision decision;
    private final boolean exposure;
    private final String reason;
    private final List<Provenance> provenance;
    /** {@link Decision#PRECURSOR}: the precursor in words ("High-risk smouldering myeloma (Condition/smm)"); else null. */
    private final String precursor;

    public OtherTherapy(MedicationRecord record, Decision decision, boolean exposure, String reason,
                        List<Provenance> provenance) {
        this(record, decision, exposure, reason, provenance, null);
    }

    /** A medication record given for a precursor, {@code precursor} naming it as the reason text does. */
    public OtherTherapy(MedicationRecord record, Decision decision, boolean exposure, String reason,
                        List<Provenance> provenance, String precursor) {
        this.record = Objects.requireNonNull(record, "record");
        this.procedure = null;
        this.decision = Objects.requireNonNull(decision, "decision");
        this.exposure = exposure;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.provenance = List.copyOf(provenance);
        this.precursor = precursor;
    }

    /** A stem-cell transplant done for another condition (its reason, or its date before the myeloma). */
    public OtherTherapy(ProcedureRecord procedure, Decision decision, String reason, List<Provenance> provenance) {
        this.record = null;
        this.procedure = Objects.requireNonNull(procedure, "procedure");
        this.decision = Objects.requireNonNull(decision, "decision");
        this.exposure = false;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.provenance = List.copyOf(provenance);
        this.precursor = null;
    }

    /** The medication record; null for a transplant. */
    public MedicationRecord getRecord() { return record; }
    /** The transplant; null for a medication record. */
    public ProcedureRecord getProcedure() { return procedure; }
    /** The drug; null for a transplant. */
    public Drug getDrug() { return record == null ? null : record.getDrug(); }
    /** The first day its date can stand for (a transplant's date, a medication's start). */
    public LocalDate getStartLatest() { return record == null ? procedure.getLatest() : record.getStartLatest(); }
    public LocalDate getEndEarliest() { return record == null ? procedure.getDate() : record.getEndEarliest(); }
    public Decision getDecision() { return decision; }
    /** The drug counts as an exposure (washout, refractoriness) though it is not a line. */
    public boolean isExposure() { return exposure; }
    /** Why, in one sentence, naming the condition and its record. */
    public String getReason() { return reason; }
    /** The precursor the therapy was given for, in words, when {@link Decision#PRECURSOR}; else null. */
    public String getPrecursorText() { return precursor; }
    public LocalDate getStart() { return record == null ? procedure.getDate() : record.getStart(); }
    /** The last day; for a transplant, the latest day its date can stand for. */
    public LocalDate getEnd() { return record == null ? procedure.getLatest() : record.getEnd(); }
    @Override public List<Provenance> getProvenance() { return provenance; }
}
