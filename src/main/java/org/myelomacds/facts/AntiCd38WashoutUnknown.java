package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * The anti-CD38 washout band cannot be told: the last anti-CD38 dose is known only as an interval (a partial date such
 * as "2026-07", or a course whose end is unknown, CDS-POLICY-UNKNOWN-END), and the days since it fall in one band
 * from the interval's latest day ({@code fewestDays}) and in another from its earliest ({@code mostDays}). Raised instead of a band (rules/derive/washout.drl), never read as the
 * shorter or the longer washout.
 */
public final class AntiCd38WashoutUnknown implements HasProvenance {
    private final DrugExposure lastExposure;
    private final long fewestDays;
    private final long mostDays;
    private final WashoutBand bandAtFewest;
    private final WashoutBand bandAtMost;
    private final DosingPeriod unknownEndCourse;
    /** The blinded anti-CD38 product whose last record is the last dose if the study arm was active, or null. */
    private final BlindedProduct blinded;

    public AntiCd38WashoutUnknown(DrugExposure lastExposure, long fewestDays, long mostDays, WashoutBand bandAtFewest,
                                  WashoutBand bandAtMost) {
        this(lastExposure, fewestDays, mostDays, bandAtFewest, bandAtMost, null);
    }

    /**
     * An anti-CD38 antibody given at an unknown time (every record of it undated): the washout is anything from none
     * ({@code fewestDays} 0, short) to unbounded ({@code mostDays} Long.MAX_VALUE, adequate).
     */
    public static AntiCd38WashoutUnknown undated(DrugExposure undatedExposure) {
        if (undatedExposure.isDated()) throw new IllegalArgumentException("dated exposure: " + undatedExposure.getDrug());
        return new AntiCd38WashoutUnknown(undatedExposure, 0, Long.MAX_VALUE, WashoutBand.SHORT, WashoutBand.ADEQUATE, null);
    }

    /**
     * The last anti-CD38 course ends on a record that does not say when it stopped (CDS-POLICY-UNKNOWN-END,
     * CDS-POLICY-OPEN-REQUEST): its last dose lies from the recorded day to the course's latest possible end.
     */
    public static AntiCd38WashoutUnknown unknownEnd(DrugExposure lastExposure, DosingPeriod course, long fewestDays,
                                                    long mostDays, WashoutBand bandAtFewest, WashoutBand bandAtMost) {
        return new AntiCd38WashoutUnknown(lastExposure, fewestDays, mostDays, bandAtFewest, bandAtMost,
                Objects.requireNonNull(course, "course"));
    }

    /**
     * A blinded anti-CD38 product ("daratumumab or placebo", CDS-POLICY-BLINDED-STUDY-DRUG) recorded after the last
     * certain anti-CD38 dose {@code lastCertain}: if the study arm was active the washout counts from the product's last
     * record ({@code fewestDays}), if placebo from the certain dose ({@code mostDays}); the two fall in different bands.
     */
    public static AntiCd38WashoutUnknown blindedAfter(DrugExposure lastCertain, BlindedProduct product, long fewestDays,
                                                      long mostDays, WashoutBand bandAtFewest, WashoutBand bandAtMost) {
        return new AntiCd38WashoutUnknown(Objects.requireNonNull(lastCertain, "lastCertain"), fewestDays, mostDays,
                bandAtFewest, bandAtMost, null, Objects.requireNonNull(product, "product"));
    }

    /**
     * A blinded anti-CD38 product and no certain anti-CD38 dose at all: if the study arm was active the washout counts
     * from the product's last record ({@code fewestDays}); if placebo no anti-CD38 antibody was given, read as the
     * unbounded washout of the top band ({@code mostDays} Long.MAX_VALUE, adequate), as an undated dose's longest is.
     */
    public static AntiCd38WashoutUnknown blindedOnly(BlindedProduct product, long fewestDays, WashoutBand bandAtFewest) {
        return new AntiCd38WashoutUnknown(null, fewestDays, Long.MAX_VALUE, bandAtFewest, WashoutBand.ADEQUATE, null,
                Objects.requireNonNull(product, "product"));
    }

    private AntiCd38WashoutUnknown(DrugExposure lastExposure, long fewestDays, long mostDays, WashoutBand bandAtFewest,
                                   WashoutBand bandAtMost, DosingPeriod unknownEndCourse) {
        this(lastExposure, fewestDays, mostDays, bandAtFewest, bandAtMost, unknownEndCourse, null);
    }

    private AntiCd38WashoutUnknown(DrugExposure lastExposure, long fewestDays, long mostDays, WashoutBand bandAtFewest,
                                   WashoutBand bandAtMost, DosingPeriod unknownEndCourse, BlindedProduct blinded) {
        this.unknownEndCourse = unknownEndCourse;
        this.blinded = blinded;
        this.lastExposure = blinded != null ? lastExposure : Objects.requireNonNull(lastExposure, "lastExposure");
        this.fewestDays = fewestDays;
        this.mostDays = mostDays;
        this.bandAtFewest = Objects.requireNonNull(bandAtFewest, "bandAtFewest");
        this.bandAtMost = Objects.requireNonNull(bandAtMost, "bandAtMost");
    }

    /** The drug of the last certain anti-CD38 dose, else of the blinded product. */
    public Drug getDrug() { return lastExposure != null ? lastExposure.getDrug() : blinded.getDrug(); }
    /** The last certain anti-CD38 exposure; null when only a blinded product is recorded. */
    public DrugExposure getLastExposure() { return lastExposure; }
    /** The blinded anti-CD38 product that makes the band undecided, or null. */
    public BlindedProduct getBlinded() { return blinded; }
    public boolean isBlindedProduct() { return blinded != null; }
    public long getFewestDays() { return fewestDays; }
    public long getMostDays() { return mostDays; }
    public WashoutBand getBandAtFewest() { return bandAtFewest; }
    public WashoutBand getBandAtMost() { return bandAtMost; }
    @Override public List<Provenance> getProvenance() {
        if (blinded == null) return lastExposure.getProvenance();
        return lastExposure == null ? blinded.getProvenance() : Provenances.of(lastExposure, blinded);
    }

    public String describe() {
        if (blinded != null) {
            String active = "if the study arm was active, the last anti-CD38 dose was the last of " + blinded.describe()
                    + ", " + fewestDays + " days before the evaluation date (" + word(bandAtFewest) + " washout)";
            if (lastExposure == null) {
                return active + "; if placebo, no anti-CD38 antibody was given (no washout to count); no record says"
                        + " which arm";
            }
            return active + "; if placebo, it was the " + lastExposure.getDrug().displayName() + " dose on "
                    + lastExposure.getLastDose() + ", " + mostDays + " days before (" + word(bandAtMost)
                    + " washout); no record says which arm";
        }
        if (!lastExposure.isDated()) {
            return getDrug().displayName() + " was given " + lastExposure.getFromTo() + ", so the days"
                    + " since the last anti-CD38 dose cannot be counted (short, intermediate or adequate washout)";
        }
        if (unknownEndCourse != null) {
            return "the last " + getDrug().displayName() + " course ends on a record that does not say when it stopped ("
                    + Provenances.references(unknownEndCourse) + "): its last dose fell on some day from "
                    + unknownEndCourse.getEndEarliest() + " to " + unknownEndCourse.getEndLatest() + " (" + fewestDays
                    + " to " + mostDays + " days before the evaluation date: "
                    + bandAtFewest.name().toLowerCase(java.util.Locale.ROOT) + " or "
                    + bandAtMost.name().toLowerCase(java.util.Locale.ROOT) + " washout)";
        }
        return "the last " + getDrug().displayName() + " dose is dated only "
                + PartialDateText.of(lastExposure.getLastDoseEarliest(), lastExposure.getLastDose()) + " (" + fewestDays
                + " to " + mostDays + " days before the evaluation date: " + bandAtFewest.name().toLowerCase(java.util.Locale.ROOT)
                + " or " + bandAtMost.name().toLowerCase(java.util.Locale.ROOT) + " washout)";
    }

    private static String word(WashoutBand band) { return band.name().toLowerCase(java.util.Locale.ROOT); }

    @Override public boolean equals(Object o) {
        return o instanceof AntiCd38WashoutUnknown w && Objects.equals(lastExposure, w.lastExposure) && fewestDays == w.fewestDays
                && mostDays == w.mostDays && bandAtFewest == w.bandAtFewest && bandAtMost == w.bandAtMost
                && Objects.equals(blinded, w.blinded);
    }
    @Override public int hashCode() { return Objects.hash(lastExposure, fewestDays, mostDays, bandAtFewest, bandAtMost, blinded); }
}
