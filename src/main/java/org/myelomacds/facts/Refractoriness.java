package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The patient is refractory to a drug: progression on it or within the IMWG window after its last dose, or progression
 * during a line that included it or within the window after that line's last dose (rules/derive/refractoriness.drl,
 * IMWG-C11). Keeps the exposure, the course, the progression and, when the line decided it, the line.
 */
public final class Refractoriness implements HasProvenance {
    private final DrugExposure exposure;
    private final DosingPeriod period;
    private final DiseaseStatus progression;
    private final PriorLine line;
    /** The rule that decided it (DERIVE-REFRACTORY-01 by the course, -03 by the line); null when built outside the rules. */
    private final RuleRef rule;

    /** {@code period} is the course of the drug the progression fell in (or within 60 days after). */
    public Refractoriness(DrugExposure exposure, DosingPeriod period, DiseaseStatus progression) {
        this(exposure, period, progression, null);
    }

    /** Decided by the line: {@code line} progressed on therapy or within 60 days of its last dose, and gave the drug. */
    public Refractoriness(DrugExposure exposure, DosingPeriod period, DiseaseStatus progression, PriorLine line) {
        this(exposure, period, progression, line, null);
    }

    /** As above, with the rule that decided it. */
    public Refractoriness(DrugExposure exposure, DosingPeriod period, DiseaseStatus progression, PriorLine line,
                          RuleRef rule) {
        this.rule = rule;
        this.exposure = Objects.requireNonNull(exposure, "exposure");
        this.period = Objects.requireNonNull(period, "period");
        this.progression = Objects.requireNonNull(progression, "progression");
        this.line = line;
    }

    /** The rule that decided it, or null; not part of equality (one refractoriness, however derived). */
    public RuleRef getRule() { return rule; }

    /** The line whose progression decided it; null when the drug's own course did. */
    public PriorLine getLine() { return line; }

    public Drug getDrug() { return exposure.getDrug(); }
    public DrugClass getDrugClass() { return exposure.getDrugClass(); }
    public DrugExposure getExposure() { return exposure; }
    public LocalDate getProgressionDate() { return progression.getDate(); }
    public DiseaseStatus getProgression() { return progression; }
    public DosingPeriod getPeriod() { return period; }
    /** Days from the end of the deciding course to the progression (0 or less: progression on treatment). */
    public long getDaysAfterLastDose() { return progression.getDay() - period.getEndDay(); }

    @Override public List<Provenance> getProvenance() {
        java.util.TreeSet<Provenance> all = new java.util.TreeSet<>(period.getProvenance());
        if (line != null) all.addAll(line.getProvenance());
        all.addAll(progression.getProvenance());
        return List.copyOf(new ArrayList<>(all));
    }

    public String describe() {
        String on = progression.onDate();
        if (line != null) {
            long after = progression.getDay() - line.getEndDay();
            // Dates as recorded: a line starting "2024" is not shown as starting on 1 January (T7).
            // The line as shown (its steroid given on after its other drugs included, J7); the days count from the
            // last dose of the others, the one the window reads, and the text then says so.
            String span = PartialDateText.of(line.getStart(), line.getStartLatest()) + " to "
                    + PartialDateText.of(line.getShownEndEarliest(), line.getShownEnd());
            String lastDose = line.getSteroidGivenOn() == null
                    ? "the last dose of line " + line.getNumber() + " (" + span + ")"
                    : "line " + line.getNumber() + "'s last dose other than its steroid, on "
                    + PartialDateText.of(line.getEndEarliest(), line.getEnd()) + " (line " + line.getNumber() + ": "
                    + span + ", " + line.getSteroidGivenOn().displayName() + " given on to its end)";
            String when = progression.isDateImprecise() && progression.getLatestDay() > line.getEndDay()
                    ? "during or within " + RefractoryWindow.DAYS + " days after line " + line.getNumber() + " (" + span + ")"
                    : after <= 0 ? "during line " + line.getNumber() + " (" + span + ")"
                    : after + " days after " + lastDose;
            return getDrug().displayName() + "-refractory: progression " + on + " " + when
                    + ", which gave " + getDrug().displayName() + " ("
                    + progression.getProvenance().stream().map(Provenance::getReference).findFirst().orElse("?") + ")";
        }
        long after = getDaysAfterLastDose();
        String course = period.getStart().equals(period.getEnd()) ? "the dose of " + period.getStart()
                : "the course of " + PartialDateText.of(period.getStart(), period.getStartLatest()) + " to "
                        + PartialDateText.of(period.getEndEarliest(), period.getEnd());
        // a sure end that is the policy's reading of a partial one says so (FINDINGS M2)
        if (period.getContinuedNote() != null) course += ", " + period.getContinuedNote();
        // an end read from an order's validity period, later than the supply it authorised, says so (FINDINGS P7)
        if (period.getAuthorisationNote() != null) course += ", " + period.getAuthorisationNote();
        String when = progression.isDateImprecise() && progression.getLatestDay() > period.getEndDay()
                ? "on treatment or within " + RefractoryWindow.DAYS + " days after " + course
                : after <= 0 ? "on treatment (" + course + ")" : after + " days after " + course;
        return getDrug().displayName() + "-refractory: progression " + on + " " + when
                + " (" + progression.getProvenance().stream().map(Provenance::getReference).findFirst().orElse("?") + ")";
    }

    @Override public boolean equals(Object o) {
        return o instanceof Refractoriness r && exposure.equals(r.exposure) && progression == r.progression;
    }
    @Override public int hashCode() { return Objects.hash(exposure, System.identityHashCode(progression)); }
}
