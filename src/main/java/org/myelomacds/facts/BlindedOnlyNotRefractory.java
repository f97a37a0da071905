package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * A blinded study product of a drug ("daratumumab or placebo", CDS-POLICY-BLINDED-STUDY-DRUG) with no certain course of
 * the same drug, every record dated, and no progression on the blinded records or within the IMWG refractory window of
 * the last one (DERIVE-REFRACTORY-90): if the arm was active the disease progressed off the drug, if placebo it was never
 * given. Refractoriness is settled, not refractory whichever arm; exposure stays undecided (the blinded-product gap
 * stands), so only the refractoriness caution is withdrawn (sweep-accept4 C5).
 */
public final class BlindedOnlyNotRefractory implements HasProvenance {
    private final BlindedProduct product;

    public BlindedOnlyNotRefractory(BlindedProduct product) {
        this.product = Objects.requireNonNull(product, "product");
    }

    public Drug getDrug() { return product.getDrug(); }
    public BlindedProduct getProduct() { return product; }
    @Override public List<Provenance> getProvenance() { return product.getProvenance(); }

    @Override public boolean equals(Object o) {
        return o instanceof BlindedOnlyNotRefractory b && product.equals(b.product);
    }
    @Override public int hashCode() { return product.hashCode(); }
}
