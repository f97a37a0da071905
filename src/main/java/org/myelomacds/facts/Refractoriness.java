package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The patient is refractory to a drug: progression on it or within the IMWG window after its last dose
 * (rules/derive/refractoriness.drl, IMWG-C11). Keeps the exposure and the progression that decided it.
 */
public final class Refractoriness implements HasProvenance {
    private final DrugExposure exposure;
    private final DosingPeriod period;
    private final DiseaseStatus progression;

    /** {@code period} is the course of the drug the progression fell in (or within 60 days after). */
    public Refractoriness(DrugExposure exposure, DosingPeriod period, DiseaseStatus progression) {
        this.exposure = Objects.requireNonNull(exposure, "exposure");
        this.period = Objects.requireNonNull(period, "period");
        this.progression = Objects.requireNonNull(progression, "progression");
    }

    public Drug getDrug() { return exposure.getDrug(); }
    public DrugClass getDrugClass() { return exposure.getDrugClass(); }
    public DrugExposure getExposure() { return exposure; }
    public LocalDate getProgressionDate() { return progression.getDate(); }
    public DosingPeriod getPeriod() { return period; }
    /** Days from the end of the deciding course to the progression (0 or less: progression on treatment). */
    public long getDaysAfterLastDose() { return progression.getDay() - period.getEndDay(); }

    @Override public List<Provenance> getProvenance() {
        List<Provenance> all = new ArrayList<>(period.getProvenance());
        all.addAll(progression.getProvenance());
        return List.copyOf(all);
    }

    public String describe() {
        long after = getDaysAfterLastDose();
        String course = period.getStart().equals(period.getEnd()) ? "the dose of " + period.getStart()
                : "the course of " + period.getStart() + " to " + period.getEnd();
        String when = after <= 0 ? "on treatment (" + course + ")" : after + " days after " + course;
        return getDrug().displayName() + "-refractory: progression on " + progression.getDate() + " " + when
                + " (" + progression.getProvenance().stream().map(Provenance::getReference).findFirst().orElse("?") + ")";
    }

    @Override public boolean equals(Object o) {
        return o instanceof Refractoriness r && exposure.equals(r.exposure) && progression == r.progression;
    }
    @Override public int hashCode() { return Objects.hash(exposure, System.identityHashCode(progression)); }
}
