package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/** Days from the last anti-CD38 dose (isatuximab or daratumumab, any route) to asOf, and its evidence band. */
public final class AntiCd38Washout implements HasProvenance {
    private final DrugExposure lastExposure;
    private final long days;
    private final WashoutBand band;

    public AntiCd38Washout(DrugExposure lastExposure, long days, WashoutBand band) {
        this.lastExposure = Objects.requireNonNull(lastExposure, "lastExposure");
        this.days = days;
        this.band = Objects.requireNonNull(band, "band");
    }

    public Drug getDrug() { return lastExposure.getDrug(); }
    public DrugExposure getLastExposure() { return lastExposure; }
    public long getDays() { return days; }
    public WashoutBand getBand() { return band; }
    public boolean isOngoing() { return lastExposure.isOngoing(); }
    @Override public List<Provenance> getProvenance() { return lastExposure.getProvenance(); }

    public String describe() {
        return days + " days since the last " + getDrug().displayName() + " dose on " + lastExposure.getLastDose();
    }

    @Override public boolean equals(Object o) {
        return o instanceof AntiCd38Washout w && lastExposure.equals(w.lastExposure) && days == w.days && band == w.band;
    }
    @Override public int hashCode() { return Objects.hash(lastExposure, days, band); }
}
