package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The most recent result of one measurement kind on or before asOf, with its age in days.
 * Derived by rules/derive/current-results.drl so that every later rule reads "the current value" the same way.
 */
public final class CurrentResult implements HasProvenance {
    private final Measurement measurement;
    private final long ageDays;

    public CurrentResult(Measurement measurement, long ageDays) {
        this.measurement = Objects.requireNonNull(measurement, "measurement");
        this.ageDays = ageDays;
    }

    public MeasurementKind getKind() { return measurement.getKind(); }
    public Measurement getMeasurement() { return measurement; }
    public Double getValue() { return measurement.getValue(); }
    public String getTextValue() { return measurement.getTextValue(); }
    public String getMethod() { return measurement.getMethod(); }
    public LocalDate getEffective() { return measurement.getEffective(); }
    public long getAgeDays() { return ageDays; }
    @Override public List<Provenance> getProvenance() { return measurement.getProvenance(); }

    /** "eGFR 38 mL/min/1.73m2 on 2026-10-02 (Observation/egfr-3)": how the report quotes a value. */
    public String describe() { return Quote.measurement(measurement); }

    @Override public boolean equals(Object o) {
        return o instanceof CurrentResult c && measurement == c.measurement && ageDays == c.ageDays;
    }
    @Override public int hashCode() { return Objects.hash(System.identityHashCode(measurement), ageDays); }
}
