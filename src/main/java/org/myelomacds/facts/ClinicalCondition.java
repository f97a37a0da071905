package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A diagnosis the rules read. {@code stage} carries a grade or class where one was coded
 * (CKD stage, NYHA class, neuropathy grade); null when not coded.
 *
 * <p>Statuses (fhir.ConditionMapper): {@code active} is false for clinicalStatus inactive, remission or resolved, and
 * for a condition with an abatement date but no clinicalStatus; {@code clinicalStatus} keeps the code as recorded
 * (null when absent) so rule text can say "recorded as resolved". {@code certainty} comes from verificationStatus.
 */
public final class ClinicalCondition implements HasProvenance {
    private final ConditionKind kind;
    private final ConditionSeverity severity;
    private final Integer stage;
    private final boolean active;
    private final LocalDate onset;
    private final LocalDate onsetLatest;
    private final String code;
    private final String display;
    private final Provenance provenance;
    private final String clinicalStatus;
    private final ConditionCertainty certainty;
    private final String verificationStatus;
    private final LocalDate abatement;
    private final LocalDate abatementLatest;

    public ClinicalCondition(ConditionKind kind, ConditionSeverity severity, Integer stage, boolean active,
                             LocalDate onset, String code, String display, Provenance provenance) {
        this(kind, severity, stage, active, null, ConditionCertainty.CONFIRMED, null, onset, code, display, provenance);
    }

    public ClinicalCondition(ConditionKind kind, ConditionSeverity severity, Integer stage, boolean active,
                             String clinicalStatus, ConditionCertainty certainty, String verificationStatus,
                             LocalDate onset, String code, String display, Provenance provenance) {
        this(kind, severity, stage, active, clinicalStatus, certainty, verificationStatus, onset, onset, code, display,
                provenance);
    }

    /**
     * With an onset recorded as a partial date ("2019", "2019-05"): {@code onset} is the earliest and {@code onsetLatest}
     * the latest day it can stand for.
     */
    public ClinicalCondition(ConditionKind kind, ConditionSeverity severity, Integer stage, boolean active,
                             String clinicalStatus, ConditionCertainty certainty, String verificationStatus,
                             LocalDate onset, LocalDate onsetLatest, String code, String display, Provenance provenance) {
        this(kind, severity, stage, active, clinicalStatus, certainty, verificationStatus, onset, onsetLatest, null, null,
                code, display, provenance);
    }

    /**
     * With the abatement as recorded ({@code abatement} the earliest and {@code abatementLatest} the latest day it can
     * stand for; null when none is dated): a trial's "within the past 2 years" turns on it, so texts print it.
     */
    public ClinicalCondition(ConditionKind kind, ConditionSeverity severity, Integer stage, boolean active,
                             String clinicalStatus, ConditionCertainty certainty, String verificationStatus,
                             LocalDate onset, LocalDate onsetLatest, LocalDate abatement, LocalDate abatementLatest,
                             String code, String display, Provenance provenance) {
        this.abatement = abatement;
        this.abatementLatest = abatement == null || abatementLatest == null || abatementLatest.isBefore(abatement)
                ? abatement : abatementLatest;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.onsetLatest = onset == null || onsetLatest == null || onsetLatest.isBefore(onset) ? onset : onsetLatest;
        this.severity = severity == null ? ConditionSeverity.UNSPECIFIED : severity;
        this.stage = stage;
        this.active = active;
        this.onset = onset;
        this.code = code;
        this.display = display;
        this.provenance = provenance;
        this.clinicalStatus = clinicalStatus;
        this.certainty = certainty == null ? ConditionCertainty.CONFIRMED : certainty;
        this.verificationStatus = verificationStatus;
    }

    public ConditionKind getKind() { return kind; }
    public ConditionSeverity getSeverity() { return severity; }
    public Integer getStage() { return stage; }
    public boolean isActive() { return active; }
    /** The earliest day the onset (or, without one, the recorded date) can stand for. */
    public LocalDate getOnset() { return onset; }
    /** The latest day the onset can stand for (2019 → 2019-12-31); the onset itself when precise. */
    public LocalDate getOnsetLatest() { return onsetLatest; }
    /** The onset as recorded: "2019" for a year, "2019-05" for a month, the day when precise. */
    public String getOnsetText() { return PartialDateText.of(onset, onsetLatest); }
    /** "system|code" of the coding that identified the condition. */
    public String getCode() { return code; }
    public String getDisplay() { return display; }
    /** Condition.clinicalStatus as recorded ("resolved"), "abated" for an abatement without a status, or null. */
    public String getClinicalStatus() { return clinicalStatus; }
    public ConditionCertainty getCertainty() { return certainty; }
    public boolean isPossible() { return certainty == ConditionCertainty.POSSIBLE; }
    /** Condition.verificationStatus as recorded, or null when absent. */
    public String getVerificationStatus() { return verificationStatus; }
    /** The earliest day the recorded abatement can stand for; null when none is dated. */
    public LocalDate getAbatement() { return abatement; }
    /**
     * "recorded as resolved" for a condition that is not active, with the abatement date when one is recorded
     * ("recorded as resolved on 2023-06-01"); "" otherwise.
     */
    public String statusNote() {
        if (active) return "";
        String note = "recorded as " + (clinicalStatus == null ? "inactive" : clinicalStatus);
        if (abatement == null) return note;
        String when = PartialDateText.of(abatement, abatementLatest);
        return note + (when.startsWith("between") ? " " : " on ") + when;
    }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }

    /**
     * How long before {@code asOf} the earliest dated of these diagnoses was made, for texts: "13 years after the
     * myeloma diagnosis (2013-03-27, Condition/mm-1)"; "" when none is dated. A partial onset counts from its latest
     * day, so the time is a minimum ("at least 2 years"). No threshold is applied: the time is stated, not judged.
     */
    public static String timeSinceDiagnosis(List<?> conditions, LocalDate asOf) {
        ClinicalCondition first = null;
        for (Object o : conditions) {
            if (o instanceof ClinicalCondition c && c.onset != null && !c.onset.isAfter(asOf)
                    && (first == null || c.onset.isBefore(first.onset))) {
                first = c;
            }
        }
        if (first == null) return "";
        LocalDate from = first.onsetLatest.isAfter(asOf) ? asOf : first.onsetLatest;
        java.time.Period p = java.time.Period.between(from, asOf);
        String elapsed = p.getYears() >= 1 ? plural(p.getYears(), "year")
                : p.getMonths() >= 1 ? plural(p.getMonths(), "month")
                : plural((int) java.time.temporal.ChronoUnit.DAYS.between(from, asOf), "day");
        return (first.onset.equals(first.onsetLatest) ? "" : "at least ") + elapsed + " after the myeloma diagnosis ("
                + first.getOnsetText() + ", " + first.sourceReference() + ")";
    }

    private static String plural(int n, String unit) { return n + " " + unit + (n == 1 ? "" : "s"); }
}
