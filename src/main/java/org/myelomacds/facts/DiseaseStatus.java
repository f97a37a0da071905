package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A dated disease-status assessment; progression events drive refractoriness (§1.2). Two kinds cannot be read as what
 * they may say (CDS-POLICY-DISEASE-STATUS): an answer the terminology does not recognise ({@link DiseaseTrend#OTHER}: a
 * text such as "PD" with no code, a code outside rules/terminology/disease-status-*, or a code whose own text reads the
 * other way, see {@link #conflicting}), and a preliminary one (FHIR status preliminary or registered). Neither is a progression; either may be one, so the decisions it could change
 * (refractoriness, progression on the last therapy) are unknown (rules/derive/refractoriness.drl).
 */
public final class DiseaseStatus implements HasProvenance {
    /**
     * The laboratory series a derived progression was read from: it decides what would settle a possible one (sweep s11
     * RL4: a repeat serum M-protein, not "a coded, final answer"; a urine M-protein for a free-light-chain rise).
     */
    public enum Basis { SERUM_M_PROTEIN, FREE_LIGHT_CHAINS }

    private final DiseaseTrend trend;
    private final LocalDate date;
    private final LocalDate latest;
    private final Provenance provenance;
    private final String derivation;
    private final boolean preliminary;
    private final String recordedValue;
    private final String conflict;
    private final String unread;
    private final Basis basis;
    /** A derived progression fed back to the timeline (derive/TimelineDerivation): the next session holds it as stated. */
    private final boolean fedBack;

    public DiseaseStatus(DiseaseTrend trend, LocalDate date, Provenance provenance) {
        this(trend, date, date, provenance, null);
    }

    /**
     * An assessment dated by a partial date ("2026-07", "2026"): {@code date} is the earliest and {@code latest} the
     * latest day it can stand for. A decision that depends on which day it was (inside a 60-day window or not, before or
     * after a regimen started) is undecided unless the whole interval falls on one side.
     */
    public DiseaseStatus(DiseaseTrend trend, LocalDate date, LocalDate latest, Provenance provenance) {
        this(trend, date, latest, provenance, null);
    }

    /**
     * An assessment as recorded: {@code preliminary} when its FHIR status says the result is not final (preliminary,
     * registered); {@code recordedValue} is the answer as written (its text, or its code and display), quoted when the
     * engine cannot read it.
     */
    public DiseaseStatus(DiseaseTrend trend, LocalDate date, LocalDate latest, Provenance provenance, boolean preliminary,
                         String recordedValue) {
        this(trend, date, latest, provenance, null, preliminary, recordedValue, null, null);
    }

    /**
     * An answer the engine cannot read ({@link DiseaseTrend#OTHER}) with why, as the mapper found it: "whose code SNOMED CT
     * 1234 is in no disease-status value set ...", "whose text negates the disease-status word 'progression' ...". The
     * data gap quotes it, so a negated text is not reported as a text no value set recognises.
     */
    public static DiseaseStatus unreadable(LocalDate date, LocalDate latest, Provenance provenance, boolean preliminary,
                                           String recordedValue, String unread) {
        return new DiseaseStatus(DiseaseTrend.OTHER, date, latest, provenance, null, preliminary, recordedValue, null,
                Objects.requireNonNull(unread, "unread"));
    }

    /**
     * A coded answer whose own text reads the other way across the progression divide (code stable, text "PD"; code
     * worsened, text "stable disease"): the engine cannot tell which the clinician meant, so it is read as neither, like
     * an unreadable answer ({@link DiseaseTrend#OTHER}, CDS-POLICY-DISEASE-STATUS). {@code conflict} names both readings.
     */
    public static DiseaseStatus conflicting(LocalDate date, LocalDate latest, Provenance provenance, boolean preliminary,
                                            String recordedValue, String conflict) {
        return new DiseaseStatus(DiseaseTrend.OTHER, date, latest, provenance, null, preliminary, recordedValue,
                Objects.requireNonNull(conflict, "conflict"), null);
    }

    private DiseaseStatus(DiseaseTrend trend, LocalDate date, LocalDate latest, Provenance provenance, String derivation) {
        this(trend, date, latest, provenance, derivation, false, null, null, null,
                derivation == null ? null : Basis.SERUM_M_PROTEIN);
    }

    private DiseaseStatus(DiseaseTrend trend, LocalDate date, LocalDate latest, Provenance provenance, String derivation,
                          boolean preliminary, String recordedValue, String conflict, String unread) {
        this(trend, date, latest, provenance, derivation, preliminary, recordedValue, conflict, unread,
                derivation == null ? null : Basis.SERUM_M_PROTEIN);
    }

    private DiseaseStatus(DiseaseTrend trend, LocalDate date, LocalDate latest, Provenance provenance, String derivation,
                          boolean preliminary, String recordedValue, String conflict, String unread, Basis basis) {
        this(trend, date, latest, provenance, derivation, preliminary, recordedValue, conflict, unread, basis, false);
    }

    private DiseaseStatus(DiseaseTrend trend, LocalDate date, LocalDate latest, Provenance provenance, String derivation,
                          boolean preliminary, String recordedValue, String conflict, String unread, Basis basis,
                          boolean fedBack) {
        this.fedBack = fedBack;
        this.trend = Objects.requireNonNull(trend, "trend");
        this.date = date;
        this.latest = date == null || latest == null || latest.isBefore(date) ? date : latest;
        this.provenance = provenance;
        this.derivation = derivation;
        this.preliminary = preliminary;
        this.recordedValue = recordedValue;
        this.conflict = conflict;
        this.unread = unread;
        this.basis = basis;
    }

    /**
     * This derived progression as fed back to the timeline (FINDINGS F8): the next session holds it as a stated fact, so a
     * rule that reads the same laboratory series again (DERIVE-RELAPSE-77) can tell it is already there.
     */
    public DiseaseStatus asFedBack() {
        return new DiseaseStatus(trend, date, latest, provenance, derivation, preliminary, recordedValue, conflict, unread,
                basis, true);
    }

    public boolean isFedBack() { return fedBack; }

    /** The same assessment placed on {@code day} (a day its partial date can stand for), to test a decision at that day. */
    public DiseaseStatus placedOn(LocalDate day) {
        return new DiseaseStatus(trend, day, day, provenance, derivation, preliminary, recordedValue, conflict, unread, basis);
    }

    /**
     * A progression the record does not state but its laboratory series shows (a confirmed serum M-protein rise meeting
     * the IMWG criteria, rules/derive/relapse.drl), dated at the first value that met them, so refractoriness and
     * "progression on the last therapy" read it like a recorded one. {@code derivation} says how it was derived.
     */
    public static DiseaseStatus derivedProgression(LocalDate date, Provenance provenance, String derivation) {
        return derivedProgression(date, date, provenance, derivation);
    }

    /**
     * The same, when the first value that met the criteria is dated only by month or year: the progression is the
     * interval from its first to its last possible day (issue 10 item 3), so a refractoriness decision that turns on
     * the unknown day is undecided rather than taken on the first day.
     */
    public static DiseaseStatus derivedProgression(LocalDate date, LocalDate latest, Provenance provenance, String derivation) {
        return new DiseaseStatus(DiseaseTrend.PROGRESSION, Objects.requireNonNull(date, "date"), latest, provenance,
                Objects.requireNonNull(derivation, "derivation"));
    }

    /**
     * A serum M-protein rise that may meet the IMWG progression criteria or not, depending on the unknown day of a
     * partial date (which value is the lowest, which came later, or whether a value is after the line started): read as
     * a possible progression only, like a preliminary one, so the refractoriness and last-line decisions it would change
     * are unknown, never "not refractory" (issue 10 item 3). Dated over every day it may stand for.
     */
    public static DiseaseStatus possibleDerivedProgression(LocalDate date, LocalDate latest, Provenance provenance, String derivation) {
        return new DiseaseStatus(DiseaseTrend.PROGRESSION, Objects.requireNonNull(date, "date"), latest, provenance,
                Objects.requireNonNull(derivation, "derivation"), true, null, null, null);
    }

    /**
     * A rise of the serum free-light-chain difference (dFLC) meeting the IMWG criterion that counts only when serum and
     * urine M-protein are unmeasurable (clinical-evidence.md §1.6 A): the engine does not read urine M-protein, so it is
     * a possible progression at most, read like a preliminary one (rules/derive/relapse.drl, DERIVE-RELAPSE-51, -52).
     */
    public static DiseaseStatus possibleFreeLightChainProgression(LocalDate date, LocalDate latest, Provenance provenance,
                                                                  String derivation) {
        return new DiseaseStatus(DiseaseTrend.PROGRESSION, Objects.requireNonNull(date, "date"), latest, provenance,
                Objects.requireNonNull(derivation, "derivation"), true, null, null, null, Basis.FREE_LIGHT_CHAINS);
    }

    public DiseaseTrend getTrend() { return trend; }
    /** The series a derived progression was read from; null for a recorded assessment. */
    public Basis getBasis() { return basis; }
    /** Derived from the serum free light chains (dFLC), not the serum M-protein. */
    public boolean isFromFreeLightChains() { return basis == Basis.FREE_LIGHT_CHAINS; }
    /**
     * What would settle a possible progression, for the data gaps: a recorded assessment needs a coded, final answer; an
     * M-protein rise needs the serum M-protein result that decides it; a dFLC rise needs the urine M-protein that says
     * whether the FLC criterion applies (sweep s11 RL4).
     */
    public String settleAction() {
        if (basis == Basis.FREE_LIGHT_CHAINS) {
            return "record a urine M-protein result (24-hour urine protein electrophoresis) and a dated disease-status"
                    + " assessment (mCODE LOINC 97509-4) to decide it";
        }
        if (basis == Basis.SERUM_M_PROTEIN) {
            return "record the serum M-protein result that settles the rise (a repeat measurement, its full date, or the"
                    + " measured value of a result reported as a bound) or a dated disease-status assessment (mCODE LOINC"
                    + " 97509-4) to decide it";
        }
        return "record the assessment with a coded, final answer to decide it";
    }
    /** A progression the decisions rest on: a final (or amended, corrected) assessment, or one derived from the M-protein. */
    public boolean isProgression() { return trend == DiseaseTrend.PROGRESSION && !preliminary; }
    /** The FHIR status says the result is not final (preliminary, registered): a possible assessment, not one to act on. */
    public boolean isPreliminary() { return preliminary; }
    /** The answer matches no value set in rules/terminology/disease-status-* (a text such as "PD", an unknown code). */
    public boolean isUnreadable() { return trend == DiseaseTrend.OTHER; }
    /**
     * The assessment may say progression but cannot be read as one: its answer is unreadable, or it is a preliminary
     * progression. Decisions a progression on its date would change are unknown, never "not refractory".
     */
    public boolean isPossibleProgression() {
        return trend == DiseaseTrend.OTHER || (preliminary && trend == DiseaseTrend.PROGRESSION);
    }
    /** The answer's code and its own text disagree (see {@link #conflicting}); it is unreadable too. */
    public boolean isConflicting() { return conflict != null; }
    /** "coded SNOMED CT 359746009 (stable), but its text 'PD' reads as progression"; null unless conflicting. */
    public String getConflict() { return conflict; }
    /** The answer as recorded (its text, or code and display); null when not kept. */
    public String getRecordedValue() { return recordedValue; }
    /**
     * "the disease-status assessment on 2026-09-12 (Observation/progression-3), answer 'PD', which the engine cannot read",
     * or "... a preliminary progression": why it may be a progression the engine does not act on.
     */
    public String describeUncertainty() {
        if (derivation != null) return derivation;
        String what = "the disease-status assessment " + (date == null ? "with no date" : onDate()) + " ("
                + Provenances.references(this) + ")";
        if (conflict != null) {
            return what + ", " + conflict + ": code and text disagree, so it is read as neither"
                    + (preliminary ? " (and its status is preliminary)" : "");
        }
        if (trend == DiseaseTrend.OTHER && unread != null) {
            return what + ", answer " + (recordedValue == null || recordedValue.isBlank() ? "not given as a code or text"
                    : "'" + recordedValue + "'") + ", " + unread + (preliminary ? " (and its status is preliminary)" : "");
        }
        if (trend == DiseaseTrend.OTHER) {
            return what + ", answer " + (recordedValue == null || recordedValue.isBlank() ? "not given as a code or text"
                    : "'" + recordedValue + "'") + ", which no disease-status value set in rules/terminology/ recognises"
                    + (preliminary ? " (and its status is preliminary)" : "");
        }
        return what + ", a preliminary " + trend.name().toLowerCase(java.util.Locale.ROOT) + " (FHIR status preliminary or"
                + " registered: not a final result)";
    }
    /** The earliest day the assessment can stand for (the day itself when its date is precise). */
    public LocalDate getDate() { return date; }
    /** The latest day the assessment can stand for (2026-07 → 2026-07-31); the date itself when precise. */
    public LocalDate getLatest() { return latest; }
    public long getLatestDay() { return latest == null ? Long.MIN_VALUE : latest.toEpochDay(); }
    /** The assessment is dated by a month or a year only. */
    public boolean isDateImprecise() { return date != null && !date.equals(latest); }
    /** "on 2026-07-14" for a precise date, "in 2026-07" / "in 2026" for a partial one, for texts such as "progression on …". */
    public String onDate() { return (isDateImprecise() ? "in " : "on ") + getDateText(); }
    /** The date as recorded: "2026-07" for a month, "2026" for a year, the day when precise. */
    public String getDateText() { return PartialDateText.of(date, latest); }
    /** True for a progression derived from a laboratory series rather than recorded as an assessment. */
    public boolean isDerived() { return derivation != null; }
    public String getDerivation() { return derivation; }
    public boolean isDated() { return date != null; }
    public long getDay() { return date == null ? Long.MIN_VALUE : date.toEpochDay(); }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
