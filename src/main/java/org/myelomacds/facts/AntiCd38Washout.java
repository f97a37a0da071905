package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * Days from the last anti-CD38 dose (isatuximab or daratumumab, any route) to asOf, its evidence band, and the band
 * bounds the deriving rule applied (first day of the intermediate and of the adequate band), so every rendering of
 * the washout shows the thresholds the rulebase actually used. {@code blindedAfter}: a blinded anti-CD38 product
 * ("isatuximab or placebo", CDS-POLICY-BLINDED-STUDY-DRUG) recorded after the last certain dose whose last record gives
 * the same band (DERIVE-WASHOUT-13): the band is decided, but the washout is {@code days} only if the study arm was
 * placebo, {@link #getDaysIfStudyArmActive()} if it was active, and the days the bands are reached differ by arm.
 */
public final class AntiCd38Washout implements HasProvenance {
    private final DrugExposure lastExposure;
    private final long days;
    private final WashoutBand band;
    private final long intermediateFromDays;
    private final long adequateFromDays;
    private final BlindedProduct blindedAfter;
    private final long daysIfStudyArmActive;

    public AntiCd38Washout(DrugExposure lastExposure, long days, WashoutBand band, long intermediateFromDays, long adequateFromDays) {
        this(lastExposure, days, band, intermediateFromDays, adequateFromDays, null, days);
    }

    /**
     * The washout from the last certain dose {@code lastExposure} ({@code days}, the placebo reading) with a blinded
     * anti-CD38 product recorded after it whose last record is {@code daysIfStudyArmActive} days before asOf, in the same
     * {@code band}.
     */
    public static AntiCd38Washout withBlindedAfter(DrugExposure lastExposure, long days, WashoutBand band,
                                                   long intermediateFromDays, long adequateFromDays,
                                                   BlindedProduct blindedAfter, long daysIfStudyArmActive) {
        return new AntiCd38Washout(lastExposure, days, band, intermediateFromDays, adequateFromDays,
                Objects.requireNonNull(blindedAfter, "blindedAfter"), daysIfStudyArmActive);
    }

    private AntiCd38Washout(DrugExposure lastExposure, long days, WashoutBand band, long intermediateFromDays,
                            long adequateFromDays, BlindedProduct blindedAfter, long daysIfStudyArmActive) {
        if (intermediateFromDays <= 0 || adequateFromDays <= intermediateFromDays) {
            throw new IllegalArgumentException("washout band bounds must rise: " + intermediateFromDays + ", " + adequateFromDays);
        }
        this.lastExposure = Objects.requireNonNull(lastExposure, "lastExposure");
        this.days = days;
        this.band = Objects.requireNonNull(band, "band");
        this.intermediateFromDays = intermediateFromDays;
        this.adequateFromDays = adequateFromDays;
        this.blindedAfter = blindedAfter;
        this.daysIfStudyArmActive = daysIfStudyArmActive;
    }

    public Drug getDrug() { return lastExposure.getDrug(); }
    public DrugExposure getLastExposure() { return lastExposure; }
    public long getDays() { return days; }
    public WashoutBand getBand() { return band; }
    public long getIntermediateFromDays() { return intermediateFromDays; }
    public long getAdequateFromDays() { return adequateFromDays; }
    public boolean isOngoing() { return lastExposure.isOngoing(); }
    /** The blinded anti-CD38 product recorded after the last certain dose, or null (DERIVE-WASHOUT-13). */
    public BlindedProduct getBlindedAfter() { return blindedAfter; }
    public boolean isBlindedAfter() { return blindedAfter != null; }
    /** Days since the blinded product's last record (the washout if the study arm was active); {@code days} without one. */
    public long getDaysIfStudyArmActive() { return daysIfStudyArmActive; }
    @Override public List<Provenance> getProvenance() {
        return blindedAfter == null ? lastExposure.getProvenance() : Provenances.of(lastExposure, blindedAfter);
    }

    public String describe() {
        if (blindedAfter != null) {
            return certainDescription() + " if the study arm of " + blindedAfter.describe() + " was placebo, "
                    + daysIfStudyArmActive + " days since their last record on " + blindedAfter.getLast()
                    + " if it was active";
        }
        return certainDescription();
    }

    private String certainDescription() {
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
                && intermediateFromDays == w.intermediateFromDays && adequateFromDays == w.adequateFromDays
                && Objects.equals(blindedAfter, w.blindedAfter) && daysIfStudyArmActive == w.daysIfStudyArmActive;
    }
    @Override public int hashCode() {
        return Objects.hash(lastExposure, days, band, intermediateFromDays, adequateFromDays, blindedAfter, daysIfStudyArmActive);
    }
}
