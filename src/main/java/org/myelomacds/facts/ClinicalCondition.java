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
    private final LocalDate recorded;
    private final LocalDate recordedLatest;
    /** False when the record gives no onset and its recordedDate stands in for it ({@link #withOnsetNotStated()}). */
    private final boolean onsetStated;

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
        this(kind, severity, stage, active, clinicalStatus, certainty, verificationStatus, onset, onsetLatest, abatement,
                abatementLatest, null, null, code, display, provenance);
    }

    /**
     * With Condition.recordedDate ({@code recorded} its earliest, {@code recordedLatest} its latest day; null when not
     * recorded): the day the coded status (C90.02 in relapse) was written into the record, which dates what the code can
     * speak for (rules/derive/relapse.drl DERIVE-RELAPSE-40, CDS-POLICY-RELAPSE-CODING-DATE).
     */
    public ClinicalCondition(ConditionKind kind, ConditionSeverity severity, Integer stage, boolean active,
                             String clinicalStatus, ConditionCertainty certainty, String verificationStatus,
                             LocalDate onset, LocalDate onsetLatest, LocalDate abatement, LocalDate abatementLatest,
                             LocalDate recorded, LocalDate recordedLatest,
                             String code, String display, Provenance provenance) {
        this(kind, severity, stage, active, clinicalStatus, certainty, verificationStatus, onset, onsetLatest, abatement,
                abatementLatest, recorded, recordedLatest, code, display, provenance, true);
    }

    private ClinicalCondition(ConditionKind kind, ConditionSeverity severity, Integer stage, boolean active,
                              String clinicalStatus, ConditionCertainty certainty, String verificationStatus,
                              LocalDate onset, LocalDate onsetLatest, LocalDate abatement, LocalDate abatementLatest,
                              LocalDate recorded, LocalDate recordedLatest,
                              String code, String display, Provenance provenance, boolean onsetStated) {
        this.onsetStated = onsetStated;
        this.recorded = recorded;
        this.recordedLatest = recorded == null || recordedLatest == null || recordedLatest.isBefore(recorded)
                ? recorded : recordedLatest;
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

    /**
     * The same condition read with no onset of its own: the record gives none, so its recordedDate stands in for the
     * onset (fhir.ConditionMapper) and the diagnosis may have come any time before that day.
     */
    public ClinicalCondition withOnsetNotStated() {
        return new ClinicalCondition(kind, severity, stage, active, clinicalStatus, certainty, verificationStatus, onset,
                onsetLatest, abatement, abatementLatest, recorded, recordedLatest, code, display, provenance, false);
    }

    /**
     * Whether the onset was recorded as such; false when the record gives no onset and {@link #getOnset()} is its
     * recordedDate, the day the entry was written, not the day of the diagnosis.
     */
    public boolean isOnsetStated() { return onsetStated; }

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
    /** Condition.recordedDate (its earliest day); null when the record does not give it. */
    public LocalDate getRecorded() { return recorded; }
    /** Condition.recordedDate's latest day (the day itself when precise); null when the record does not give it. */
    public LocalDate getRecordedLatest() { return recordedLatest; }
    /** "2019-02-04" (or "2019-02" for a partial date); "" when not recorded. */
    public String getRecordedText() { return recorded == null ? "" : PartialDateText.of(recorded, recordedLatest); }
    /**
     * Whether the record was certainly written on or before {@code day} (epoch day): its recordedDate's latest day and
     * its onset's latest day are both on or before it. False without a recordedDate: the record then does not say when
     * its coded status was written (CDS-POLICY-RELAPSE-CODING-DATE).
     */
    public boolean recordedOnOrBefore(long day) {
        return recordedLatest != null && recordedLatest.toEpochDay() <= day
                && (onsetLatest == null || onsetLatest.toEpochDay() <= day);
    }
    /** Whether the record was certainly written after {@code day} (epoch day): its recordedDate's first day is later. */
    public boolean recordedAfter(long day) {
        return recorded != null && recorded.toEpochDay() > day;
    }
    /** Whether the record gives no Condition.recordedDate (CDS-POLICY-RELCODE-UNDATED). */
    public boolean isRecordedUndated() { return recorded == null; }
    /**
     * Whether the condition's onset certainly falls after {@code day} (epoch day): its earliest day is later. A coding
     * cannot precede its condition's onset, so such a condition was coded after that day (CDS-POLICY-RELAPSE-CODING-DATE).
     */
    public boolean onsetAfter(long day) {
        return onset != null && onset.toEpochDay() > day;
    }
    /** The earliest day the recorded abatement can stand for; null when none is dated. */
    public LocalDate getAbatement() { return abatement; }
    /** The latest day the recorded abatement can stand for (2024-11 → 2024-11-30); null when none is dated. */
    public LocalDate getAbatementLatest() { return abatementLatest; }

    /**
     * Whether a condition that is no longer active certainly abated within the {@code years} before {@code asOfDay}
     * (epoch day): its earliest abatement day is on or after asOf minus the years. A trial's "within the past 2 years"
     * (CANDOR) or "within the past 5 years" (SIRIUS) turns on it. Years are calendar years (LocalDate.minusYears, so
     * 2 years before 2026-11-01 is 2024-11-01, whatever leap days lie between), and the bound day itself counts as
     * within: for an exclusion the reading that excludes is the safe one. False for an active condition (the rules
     * read it as current) and for one without a dated abatement.
     */
    public boolean abatedCertainlyWithinYears(long asOfDay, int years) {
        return !active && abatement != null && !abatement.isBefore(windowStart(asOfDay, years));
    }

    /**
     * Whether it cannot be told if a condition that is no longer active abated within the {@code years} before
     * {@code asOfDay}: no abatement date is recorded (or only as an age, range or text), or a partial date straddles the
     * bound (2024 against 2024-11-01). Such a record is never read as outside the window; the rules say what is missing.
     */
    public boolean abatementWindowUndecided(long asOfDay, int years) {
        if (active) return false;
        if (abatement == null) return true;
        LocalDate bound = windowStart(asOfDay, years);
        return abatement.isBefore(bound) && !abatementLatest.isBefore(bound);
    }

    /** The first day of the window: asOf minus the calendar years (2026-11-01, 2 → 2024-11-01), itself within. */
    public static LocalDate windowStart(long asOfDay, int years) {
        return LocalDate.ofEpochDay(asOfDay).minusYears(years);
    }

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
