package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * All administered use of one drug, aggregated: first and last dose, whether it is ongoing at asOf, and whether it
 * was ever stopped for toxicity (intolerance). Planned-only records never make an exposure.
 * Day fields are epoch days so DRL can compare them with plain arithmetic.
 */
public final class DrugExposure implements HasProvenance {
    private final Drug drug;
    private final LocalDate firstDose;
    private final LocalDate lastDose;
    private final LocalDate lastDoseEarliest;
    private final boolean ongoing;
    private final boolean intolerant;
    private final List<Route> routes;
    private final List<Provenance> provenance;

    public DrugExposure(Drug drug, LocalDate firstDose, LocalDate lastDose, boolean ongoing, boolean intolerant,
                        List<Route> routes, List<Provenance> provenance) {
        this(drug, firstDose, lastDose, lastDose, ongoing, intolerant, routes, provenance);
    }

    /**
     * {@code lastDoseEarliest}: the earliest day the last dose can have been given when a partial date ("2026-07")
     * ends the exposure; {@code lastDose} is then the latest such day. Equal when the dates are precise.
     */
    public DrugExposure(Drug drug, LocalDate firstDose, LocalDate lastDose, LocalDate lastDoseEarliest, boolean ongoing,
                        boolean intolerant, List<Route> routes, List<Provenance> provenance) {
        this.drug = Objects.requireNonNull(drug, "drug");
        this.firstDose = Objects.requireNonNull(firstDose, "firstDose");
        this.lastDose = Objects.requireNonNull(lastDose, "lastDose");
        this.lastDoseEarliest = lastDoseEarliest == null || lastDoseEarliest.isAfter(lastDose) ? lastDose : lastDoseEarliest;
        this.ongoing = ongoing;
        this.intolerant = intolerant;
        this.routes = List.copyOf(routes);
        this.provenance = List.copyOf(provenance);
    }

    public Drug getDrug() { return drug; }
    public DrugClass getDrugClass() { return drug.getDrugClass(); }
    public boolean isAntiCd38() { return drug.isAntiCd38(); }
    public LocalDate getFirstDose() { return firstDose; }
    /** Last dose given; for ongoing therapy the latest recorded dose or asOf, whichever is earlier. */
    public LocalDate getLastDose() { return lastDose; }
    public long getFirstDoseDay() { return firstDose.toEpochDay(); }
    public long getLastDoseDay() { return lastDose.toEpochDay(); }
    /** Earliest day the last dose can have been given (a partial date); the last dose when precise. */
    public LocalDate getLastDoseEarliest() { return lastDoseEarliest; }
    public long getLastDoseEarliestDay() { return lastDoseEarliest.toEpochDay(); }
    /** The last dose's day is known only as an interval (a partial date). */
    public boolean isLastDoseImprecise() { return !lastDoseEarliest.equals(lastDose); }
    public boolean isOngoing() { return ongoing; }
    public boolean isIntolerant() { return intolerant; }
    public List<Route> getRoutes() { return routes; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof DrugExposure e && drug.equals(e.drug) && firstDose.equals(e.firstDose) && lastDose.equals(e.lastDose)
                && lastDoseEarliest.equals(e.lastDoseEarliest)
                && ongoing == e.ongoing && intolerant == e.intolerant && routes.equals(e.routes) && provenance.equals(e.provenance);
    }
    @Override public int hashCode() { return Objects.hash(drug, firstDose, lastDose, ongoing, intolerant); }
}
