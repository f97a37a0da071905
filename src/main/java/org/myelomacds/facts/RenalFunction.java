package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The patient's current renal function in one metric, with its IMWG band and whether it is stale.
 * Derived by rules/derive/renal.drl; eligibility and flag rules test thresholds against the metric the
 * regimen's trial used, falling back to the other metric as "metric-substituted".
 */
public final class RenalFunction implements HasProvenance {
    private final RenalMetric metric;
    private final CurrentResult result;
    private final RenalCategory category;
    private final boolean stale;

    public RenalFunction(RenalMetric metric, CurrentResult result, RenalCategory category, boolean stale) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.result = Objects.requireNonNull(result, "result");
        this.category = category;
        this.stale = stale;
    }

    public RenalMetric getMetric() { return metric; }
    public double getValue() { return result.getValue(); }
    public String getMethod() { return result.getMethod(); }
    public LocalDate getDate() { return result.getEffective(); }
    public long getAgeDays() { return result.getAgeDays(); }
    /** The IMWG band; null when the result is a bound that straddles a band edge ("&lt;30"). */
    public RenalCategory getCategory() { return category; }
    public boolean isStale() { return stale; }
    /** See {@link CurrentResult#getStalenessText()}. */
    public String getStalenessText() { return result.getStalenessText(); }
    public boolean isFreshnessUnknown() { return stale && result.isFreshnessUnknown(); }
    /** Bound-aware threshold tests (a result reported as "&lt;15" is below 15, not 15); see {@link Measurement}. */
    public boolean certainlyBelow(double t) { return result.certainlyBelow(t); }
    public boolean certainlyAtMost(double t) { return result.certainlyAtMost(t); }
    public boolean certainlyAtLeast(double t) { return result.certainlyAtLeast(t); }
    public boolean decidesBelow(double t) { return result.decidesBelow(t); }
    public boolean isBound() { return result.isBound(); }
    public boolean isComputed() { return result.getMeasurement().isDerived(); }
    public CurrentResult getResult() { return result; }
    @Override public List<Provenance> getProvenance() { return result.getProvenance(); }
    public String describe() { return result.describe(); }

    /**
     * The value as a subgroup or threshold text quotes it: metric, value with its comparator when the result is a bound
     * ("eGFR <15 mL/min/1.73m²"), unit.
     */
    public String quoted() {
        String comparator = result.getMeasurement().getComparator();
        return metric.getLabel() + " " + (comparator == null ? "" : comparator) + Quote.number(getValue()) + " " + metric.getUnit();
    }

    @Override public boolean equals(Object o) {
        return o instanceof RenalFunction r && metric == r.metric && result.equals(r.result) && category == r.category && stale == r.stale;
    }
    @Override public int hashCode() { return Objects.hash(metric, result, category, stale); }
}
