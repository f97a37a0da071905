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

    private AntiCd38WashoutUnknown(DrugExposure lastExposure, long fewestDays, long mostDays, WashoutBand bandAtFewest,
                                   WashoutBand bandAtMost, DosingPeriod unknownEndCourse) {
        this.unknownEndCourse = unknownEndCourse;
        this.lastExposure = Objects.requireNonNull(lastExposure, "lastExposure");
        this.fewestDays = fewestDays;
        this.mostDays = mostDays;
        this.bandAtFewest = Objects.requireNonNull(bandAtFewest, "bandAtFewest");
        this.bandAtMost = Objects.requireNonNull(bandAtMost, "bandAtMost");
    }

    public Drug getDrug() { return lastExposure.getDrug(); }
    public DrugExposure getLastExposure() { return lastExposure; }
    public long getFewestDays() { return fewestDays; }
    public long getMostDays() { return mostDays; }
    public WashoutBand getBandAtFewest() { return bandAtFewest; }
    public WashoutBand getBandAtMost() { return bandAtMost; }
    @Override public List<Provenance> getProvenance() { return lastExposure.getProvenance(); }

    public String describe() {
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

    @Override public boolean equals(Object o) {
        return o instanceof AntiCd38WashoutUnknown w && lastExposure.equals(w.lastExposure) && fewestDays == w.fewestDays
                && mostDays == w.mostDays && bandAtFewest == w.bandAtFewest && bandAtMost == w.bandAtMost;
    }
    @Override public int hashCode() { return Objects.hash(lastExposure, fewestDays, mostDays, bandAtFewest, bandAtMost); }
}
