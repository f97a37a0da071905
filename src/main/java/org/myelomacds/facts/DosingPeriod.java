package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One given, dated course of a drug as a single record states it (start to last dose, clipped to asOf when ongoing).
 * Refractoriness is judged against each period's own window, never against the span from a drug's first dose ever
 * to its last: bortezomib in 2021 and again in 2024 does not make a 2023 progression "on bortezomib".
 */
public final class DosingPeriod implements HasProvenance {
    private final Drug drug;
    private final LocalDate start;
    private final LocalDate end;
    private final List<Provenance> provenance;

    public DosingPeriod(Drug drug, LocalDate start, LocalDate end, List<Provenance> provenance) {
        this.drug = Objects.requireNonNull(drug, "drug");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        this.provenance = List.copyOf(provenance);
    }

    public Drug getDrug() { return drug; }
    public LocalDate getStart() { return start; }
    public LocalDate getEnd() { return end; }
    public long getStartDay() { return start.toEpochDay(); }
    public long getEndDay() { return end.toEpochDay(); }
    @Override public List<Provenance> getProvenance() { return provenance; }
}
