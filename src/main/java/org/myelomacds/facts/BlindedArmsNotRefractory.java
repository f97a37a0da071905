package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * A blinded study product of a drug ("daratumumab or placebo", CDS-POLICY-BLINDED-STUDY-DRUG) recorded beside a certain
 * course of the same drug, with no progression on either or within the IMWG refractory window of the last certain dose
 * and of the last blinded record (DERIVE-REFRACTORY-88): if the arm was placebo the certain course is the drug's last,
 * if active the blinded records are, and neither reading is refractory. Refractoriness is decided, not refractory,
 * whichever arm (FINDINGS W6); the washout has its own two readings (DERIVE-WASHOUT-11/-13).
 */
public final class BlindedArmsNotRefractory implements HasProvenance {
    private final BlindedProduct product;
    private final DrugExposure exposure;

    public BlindedArmsNotRefractory(BlindedProduct product, DrugExposure exposure) {
        this.product = Objects.requireNonNull(product, "product");
        this.exposure = Objects.requireNonNull(exposure, "exposure");
        if (!product.getDrug().equals(exposure.getDrug())) throw new IllegalArgumentException("different drugs");
    }

    public Drug getDrug() { return product.getDrug(); }
    public BlindedProduct getProduct() { return product; }
    public DrugExposure getExposure() { return exposure; }
    @Override public List<Provenance> getProvenance() { return product.getProvenance(); }

    /**
     * "daratumumab not refractory whichever study arm: no progression on it or within 60 days of its last certain dose
     * (2023-01-09) or of the last blinded record (2023-12-04, the blinded ... records ...)".
     */
    public String describe() {
        String name = product.getDrug().displayName();
        return name + " not refractory whichever study arm: no progression on it or within " + RefractoryWindow.DAYS
                + " days of its last certain dose (" + exposure.getLastDose() + ") or of the last blinded record ("
                + product.getLast() + ", " + product.describe() + ")";
    }

    @Override public boolean equals(Object o) {
        return o instanceof BlindedArmsNotRefractory b && product.equals(b.product) && exposure.equals(b.exposure);
    }
    @Override public int hashCode() { return Objects.hash(product, exposure); }
}
