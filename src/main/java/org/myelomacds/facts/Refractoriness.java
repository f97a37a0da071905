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
    private final DiseaseStatus progression;

    public Refractoriness(DrugExposure exposure, DiseaseStatus progression) {
        this.exposure = Objects.requireNonNull(exposure, "exposure");
        this.progression = Objects.requireNonNull(progression, "progression");
    }

    public Drug getDrug() { return exposure.getDrug(); }
    public DrugClass getDrugClass() { return exposure.getDrugClass(); }
    public DrugExposure getExposure() { return exposure; }
    public LocalDate getProgressionDate() { return progression.getDate(); }
    public long getDaysAfterLastDose() { return progression.getDay() - exposure.getLastDoseDay(); }

    @Override public List<Provenance> getProvenance() {
        List<Provenance> all = new ArrayList<>(exposure.getProvenance());
        all.addAll(progression.getProvenance());
        return List.copyOf(all);
    }

    public String describe() {
        long after = getDaysAfterLastDose();
        String when = after <= 0 ? "on treatment" : after + " days after the last dose on " + exposure.getLastDose();
        return getDrug().displayName() + "-refractory: progression on " + progression.getDate() + " " + when
                + " (" + progression.getProvenance().stream().map(Provenance::getReference).findFirst().orElse("?") + ")";
    }

    @Override public boolean equals(Object o) {
        return o instanceof Refractoriness r && exposure.equals(r.exposure) && progression == r.progression;
    }
    @Override public int hashCode() { return Objects.hash(exposure, System.identityHashCode(progression)); }
}
