package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A dated disease-status assessment; progression events drive refractoriness (§1.2). */
public final class DiseaseStatus implements HasProvenance {
    private final DiseaseTrend trend;
    private final LocalDate date;
    private final Provenance provenance;

    public DiseaseStatus(DiseaseTrend trend, LocalDate date, Provenance provenance) {
        this.trend = Objects.requireNonNull(trend, "trend");
        this.date = date;
        this.provenance = provenance;
    }

    public DiseaseTrend getTrend() { return trend; }
    public boolean isProgression() { return trend == DiseaseTrend.PROGRESSION; }
    public LocalDate getDate() { return date; }
    public boolean isDated() { return date != null; }
    public long getDay() { return date == null ? Long.MIN_VALUE : date.toEpochDay(); }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
