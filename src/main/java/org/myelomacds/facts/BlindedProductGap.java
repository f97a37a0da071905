package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * The data gap the still-blinded records of one drug leave (DrugHistoryGap.Kind.BLINDED_STUDY_DRUG,
 * CDS-POLICY-BLINDED-STUDY-DRUG), before the rules have read whether the study arm matters. The gap itself is stated by
 * the rules (DERIVE-REFRACTORY-89) unless both arms read the same for everything it would leave undecided
 * (DERIVE-REFRACTORY-88): then exposure is known from a certain course and refractoriness is decided either way, and
 * nothing waits for the arm.
 */
public final class BlindedProductGap implements HasProvenance {
    private final DrugHistoryGap gap;
    private final boolean allDated;

    /** {@code allDated}: every blinded record of the drug has a date (an undated one could lie anywhere). */
    public BlindedProductGap(DrugHistoryGap gap, boolean allDated) {
        this.gap = Objects.requireNonNull(gap, "gap");
        if (gap.getKind() != DrugHistoryGap.Kind.BLINDED_STUDY_DRUG || gap.getDrug() == null) {
            throw new IllegalArgumentException("not a blinded study product gap: " + gap.getKind());
        }
        this.allDated = allDated;
    }

    public DrugHistoryGap getGap() { return gap; }
    public Drug getDrug() { return gap.getDrug(); }
    public boolean isAllDated() { return allDated; }
    @Override public List<Provenance> getProvenance() { return gap.getProvenance(); }

    @Override public boolean equals(Object o) {
        return o instanceof BlindedProductGap b && gap.equals(b.gap) && allDated == b.allDated;
    }
    @Override public int hashCode() { return Objects.hash(gap, allDated); }
}
