package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * Days from the last anti-CD38 dose (isatuximab or daratumumab, any route) to asOf, its evidence band, and the band
 * bounds the deriving rule applied (first day of the intermediate and of the adequate band), so every rendering of
 * the washout shows the thresholds the rulebase actually used.
 */
public final class AntiCd38Washout implements HasProvenance {
    private final DrugExposure lastExposure;
    private final long days;
    private final WashoutBand band;
    private final long intermediateFromDays;
    private final long adequateFromDays;

    public AntiCd38Washout(DrugExposure lastExposure, long days, WashoutBand band, long intermediateFromDays, long adequateFromDays) {
        if (intermediateFromDays <= 0 || adequateFromDays <= intermediateFromDays) {
            throw new IllegalArgumentException("washout band bounds must rise: " + intermediateFromDays + ", " + adequateFromDays);
        }
        this.lastExposure = Objects.requireNonNull(lastExposure, "lastExposure");
        this.days = days;
        this.band = Objects.requireNonNull(band, "band");
        this.intermediateFromDays = intermediateFromDays;
        this.adequateFromDays = adequateFromDays;
    }

    public Drug getDrug() { return lastExposure.getDrug(); }
    public DrugExposure getLastExposure() { return lastExposure; }
    public long getDays() { return days; }
    public WashoutBand getBand() { return band; }
    public long getIntermediateFromDays() { return intermediateFromDays; }
    public long getAdequateFromDays() { return adequateFromDays; }
    public boolean isOngoing() { return lastExposure.isOngoing(); }
    @Override public List<Provenance> getProvenance() { return lastExposure.getProvenance(); }

    public String describe() {
        if (lastExposure.isLastDoseImprecise()) {
            // a partial date: the washout is counted from its latest day (the shortest washout), and says so
            return days + " to " + (days + lastExposure.getLastDoseDay() - lastExposure.getLastDoseEarliestDay())
                    + " days since the last " + getDrug().displayName() + " dose, dated only "
                    + PartialDateText.of(lastExposure.getLastDoseEarliest(), lastExposure.getLastDose());
        }
        return days + " days since the last " + getDrug().displayName() + " dose on " + lastExposure.getLastDose();
    }

    @Override public boolean equals(Object o) {
        return o instanceof AntiCd38Washout w && lastExposure.equals(w.lastExposure) && days == w.days && band == w.band
                && intermediateFromDays == w.intermediateFromDays && adequateFromDays == w.adequateFromDays;
    }
    @Override public int hashCode() { return Objects.hash(lastExposure, days, band, intermediateFromDays, adequateFromDays); }
}
