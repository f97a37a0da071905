package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.List;

/** A clinician's statement of transplant eligibility (project CodeSystem code "transplant-eligibility", valueBoolean). */
public final class TransplantEligibilityAssertion implements HasProvenance {
    private final boolean eligible;
    private final LocalDate date;
    private final Provenance provenance;

    public TransplantEligibilityAssertion(boolean eligible, LocalDate date, Provenance provenance) {
        this.eligible = eligible;
        this.date = date;
        this.provenance = provenance;
    }

    public boolean isEligible() { return eligible; }
    public LocalDate getDate() { return date; }
    public long getDay() { return date == null ? Long.MIN_VALUE : date.toEpochDay(); }
    @Override public List<Provenance> getProvenance() { return Provenance.listOf(provenance); }
}
