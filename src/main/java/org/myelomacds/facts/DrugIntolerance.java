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

    /** What an intolerance says about the stop of the drug's course (CDS-POLICY-INTOLERANCE-COURSE-STOP). */
    public enum CourseStop {
        /** the course was stopped for this toxicity: its own stop reason, or recorded on or shortly after its last dose */
        STOPPED,
        /** further doses of the drug followed the intolerance: it did not end the course */
        CONTINUED_AFTER,
        /** the record cannot tell (undated, dated within a partial last dose, long after the course, course still on) */
        UNDECIDED
    }

    /**
     * Whether this intolerance stopped {@code e}'s course (the same drug's exposure, whose last dose is the end of its
     * most recent course): a medication record stopped for this toxicity says so itself; an AllergyIntolerance or an
     * AdverseEvent did only when dated from the last dose to {@code daysAfter} days after it; one dated before the
     * earliest day the last dose can fall was followed by further doses. Date arithmetic only: the rules
     * (rules/eligibility) decide what a trial makes of each answer.
     */
    public CourseStop courseStop(DrugExposure e, int daysAfter) {
        if (kind == Kind.STOPPED_FOR_TOXICITY) return CourseStop.STOPPED;
        if (date == null || !e.isDated() || e.isOngoing()) return CourseStop.UNDECIDED;
        if (date.isBefore(e.getLastDoseEarliest())) return CourseStop.CONTINUED_AFTER;
        if (date.isBefore(e.getLastDose())) return CourseStop.UNDECIDED;
        return date.isAfter(e.getLastDose().plusDays(daysAfter)) ? CourseStop.UNDECIDED : CourseStop.STOPPED;
    }

    /** For DRL: {@link #courseStop} is {@link CourseStop#STOPPED}. */
    public boolean stopped(DrugExposure e, int daysAfter) { return courseStop(e, daysAfter) == CourseStop.STOPPED; }
    /** For DRL: this one speaks of {@code e}'s stop (it stopped the course, or the record cannot tell). */
    public boolean bearsOnStop(DrugExposure e, int daysAfter) { return courseStop(e, daysAfter) != CourseStop.CONTINUED_AFTER; }
    /**
     * For DRL, among the intolerances that bear on {@code e}'s stop: this one is quoted before {@code o} (one that stopped
     * the course before one that leaves it undecided, then {@link #listedBefore}).
     */
    public boolean quotedBefore(DrugIntolerance o, DrugExposure e, int daysAfter) {
        boolean mine = stopped(e, daysAfter), theirs = o.stopped(e, daysAfter);
        return mine != theirs ? mine : listedBefore(o);
    }
    /** Why the record cannot tell whether this intolerance stopped {@code course} (for an UNDECIDED {@link #courseStop}). */
    public String stopUndecidedWords(DrugExposure course, int daysAfter) {
        if (date == null) return "the intolerance is undated";
        if (!course.isDated()) return "the course is undated";
        if (course.isOngoing()) return "the course is still under way";
        if (date.isBefore(course.getLastDose())) return "it falls within the days the last dose can have been given";
        return "it was recorded more than " + daysAfter + " days after the last dose";
    }

    /** For DRL: {@link #courseStop} is {@link CourseStop#UNDECIDED}. */
    public boolean stopUndecided(DrugExposure e, int daysAfter) { return courseStop(e, daysAfter) == CourseStop.UNDECIDED; }

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
