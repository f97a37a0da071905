package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A FISH/cytogenetic result for one abnormality, read from code or text (no single standard LOINC exists, §9.3). */
public final class CytogeneticFinding implements HasProvenance {
    private final CytogeneticAbnormality abnormality;
    private final boolean detected;
    private final LocalDate date;
    private final Provenance provenance;

    public CytogeneticFinding(CytogeneticAbnormality abnormality, boolean detected, LocalDate date, Provenance provenance) {
        this.abnormality = Objects.requireNonNull(abnormality, "abnormality");
        this.detected = detected;
        this.date = date;
        this.provenance = provenance;
    }

    public CytogeneticAbnormality getAbnormality() { return abnormality; }
    public boolean isDetected() { return detected; }
    public LocalDate getDate() { return date; }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
