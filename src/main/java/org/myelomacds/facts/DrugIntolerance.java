package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A drug the record says the patient did not tolerate: a medication record stopped for toxicity whose own reason is
 * this drug's (not a partner stopped with its line), an AllergyIntolerance naming the drug, or an actual AdverseEvent
 * naming it as the suspect. {@code reason} quotes the
 * record (status reason, reaction manifestation); {@code date} is when it was stopped or recorded (null when the record
 * does not say); {@code source} names the record (e.g. "MedicationStatement/line3-kd-carfilzomib").
 */
public final class DrugIntolerance implements HasProvenance, Comparable<DrugIntolerance> {
    /** How the record states the intolerance. */
    public enum Kind {
        /** a medication record stopped with a toxicity status reason */
        STOPPED_FOR_TOXICITY,
        /** an AllergyIntolerance of type intolerance (or an allergy to a drug that is not an anti-CD38 antibody) */
        ALLERGY_INTOLERANCE,
        /** an AdverseEvent that happened (actuality actual) naming the drug as its suspect */
        ADVERSE_EVENT
    }

    private final Drug drug;
    private final Kind kind;
    private final String reason;
    private final LocalDate date;
    private final Provenance provenance;

    public DrugIntolerance(Drug drug, Kind kind, String reason, LocalDate date, Provenance provenance) {
        this.drug = Objects.requireNonNull(drug, "drug");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = reason == null || reason.isBlank() ? null : reason.strip();
        this.date = date;
        this.provenance = provenance;
    }

    public Drug getDrug() { return drug; }
    public Kind getKind() { return kind; }
    /** The record's words; null when it gives none (a coded toxicity reason with no display). */
    public String getReason() { return reason; }
    public LocalDate getDate() { return date; }
    public boolean isDated() { return date != null; }
    /** The record it was read from ("MedicationStatement/x"), or "the record" when unknown. */
    public String getSource() { return provenance == null ? "the record" : provenance.getReference(); }

    /** One line for a flag: "stopped on 2025-04-21 for: grade 3 heart failure (MedicationStatement/x)". */
    public String describe() {
        String what = kind == Kind.STOPPED_FOR_TOXICITY
                ? "stopped" + (date == null ? "" : " on " + date) + " for toxicity" + (reason == null ? "" : ": \"" + reason + "\"")
                : kind == Kind.ADVERSE_EVENT
                ? "suspected in an adverse event" + (date == null ? "" : " on " + date) + (reason == null ? "" : ": \"" + reason + "\"")
                : "intolerance recorded" + (date == null ? "" : " on " + date) + (reason == null ? "" : ": \"" + reason + "\"");
        return drug.displayName() + " " + what + " (" + getSource() + ")";
    }

    /** Orders the intolerances of one drug: the latest dated first, then by source, so a rule can pick one. */
    @Override public int compareTo(DrugIntolerance o) {
        int c = drug.compareTo(o.drug);
        if (c != 0) return c;
        if (!Objects.equals(date, o.date)) {
            if (date == null) return 1;
            if (o.date == null) return -1;
            return o.date.compareTo(date);
        }
        return getSource().compareTo(o.getSource());
    }

    /** For DRL: this one is listed before {@code o} (the one a flag quotes first). */
    public boolean listedBefore(DrugIntolerance o) { return compareTo(o) < 0; }

    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }

    @Override public boolean equals(Object o) {
        return o instanceof DrugIntolerance d && drug.equals(d.drug) && kind == d.kind && Objects.equals(reason, d.reason)
                && Objects.equals(date, d.date) && Objects.equals(provenance, d.provenance);
    }
    @Override public int hashCode() { return Objects.hash(drug, kind, reason, date, provenance); }
    @Override public String toString() { return describe(); }
}
