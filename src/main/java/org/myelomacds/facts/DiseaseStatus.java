package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A dated disease-status assessment; progression events drive refractoriness (§1.2). */
public final class DiseaseStatus implements HasProvenance {
    private final DiseaseTrend trend;
    private final LocalDate date;
    private final Provenance provenance;
    private final String derivation;

    public DiseaseStatus(DiseaseTrend trend, LocalDate date, Provenance provenance) {
        this(trend, date, provenance, null);
    }

    private DiseaseStatus(DiseaseTrend trend, LocalDate date, Provenance provenance, String derivation) {
        this.trend = Objects.requireNonNull(trend, "trend");
        this.date = date;
        this.provenance = provenance;
        this.derivation = derivation;
    }

    /**
     * A progression the record does not state but its laboratory series shows (a confirmed serum M-protein rise meeting
     * the IMWG criteria, rules/derive/relapse.drl), dated at the first value that met them, so refractoriness and
     * "progression on the last therapy" read it like a recorded one. {@code derivation} says how it was derived.
     */
    public static DiseaseStatus derivedProgression(LocalDate date, Provenance provenance, String derivation) {
        return new DiseaseStatus(DiseaseTrend.PROGRESSION, Objects.requireNonNull(date, "date"), provenance,
                Objects.requireNonNull(derivation, "derivation"));
    }

    public DiseaseTrend getTrend() { return trend; }
    public boolean isProgression() { return trend == DiseaseTrend.PROGRESSION; }
    public LocalDate getDate() { return date; }
    /** True for a progression derived from a laboratory series rather than recorded as an assessment. */
    public boolean isDerived() { return derivation != null; }
    public String getDerivation() { return derivation; }
    public boolean isDated() { return date != null; }
    public long getDay() { return date == null ? Long.MIN_VALUE : date.toEpochDay(); }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
