package org.myelomacds.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The evaluation date and jurisdiction. Every age, washout and staleness is computed against asOf,
 * so an evaluation can be replayed exactly; asOfDay is the epoch day, which keeps date arithmetic in DRL plain.
 */
public final class EvaluationContext {
    private final LocalDate asOf;
    private final Jurisdiction jurisdiction;

    public EvaluationContext(LocalDate asOf, Jurisdiction jurisdiction) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction");
    }

    public LocalDate getAsOf() { return asOf; }
    public long getAsOfDay() { return asOf.toEpochDay(); }
    public Jurisdiction getJurisdiction() { return jurisdiction; }

    /** Whole days from the given epoch day to asOf (positive when the day is in the past). */
    public long daysSince(long epochDay) { return asOf.toEpochDay() - epochDay; }
}
