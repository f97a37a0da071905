package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * A blinded anti-CD38 product ("daratumumab or placebo", CDS-POLICY-BLINDED-STUDY-DRUG) with no certain anti-CD38 dose on
 * record, its last record far enough back that either study arm reads the same for the washout (DERIVE-WASHOUT-14): if
 * the antibody was given, the washout is {@code days} in {@code band}; if placebo there is none. Exposure stays
 * undecided; the washout is not (FINDINGS O7).
 */
public final class AntiCd38WashoutIfGiven implements HasProvenance {
    private final BlindedProduct product;
    private final long days;
    private final WashoutBand band;

    public AntiCd38WashoutIfGiven(BlindedProduct product, long days, WashoutBand band) {
        this.product = Objects.requireNonNull(product, "product");
        this.days = days;
        this.band = Objects.requireNonNull(band, "band");
    }

    public BlindedProduct getProduct() { return product; }
    public Drug getDrug() { return product.getDrug(); }
    public long getDays() { return days; }
    public WashoutBand getBand() { return band; }
    @Override public List<Provenance> getProvenance() { return product.getProvenance(); }

    /** "adequate if it was given (180 days since the last record on 2026-05-05)". */
    public String describe() {
        return band.name().toLowerCase(java.util.Locale.ROOT) + " if it was given (" + days
                + " days since the last record on " + product.getLast() + ")";
    }

    @Override public boolean equals(Object o) {
        return o instanceof AntiCd38WashoutIfGiven w && product.equals(w.product) && days == w.days && band == w.band;
    }
    @Override public int hashCode() { return Objects.hash(product, days, band); }
}
