package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * Another value a computed estimate could have had: the same formula applied to inputs that a partial date ("2026-10")
 * may make the current ones instead of those chosen by their first possible days (issue 10 item 3: a partial date is an
 * interval). {@code estimate} is the computed measurement inserted as a fact; {@code alternative} is computed from the
 * other inputs and lists them in its provenance. Java only computes; rules/derive/current-results.drl judges whether
 * the alternative changes a decision (then the estimate is not used and the texts name every input).
 */
public final class EstimateAlternative implements HasProvenance {
    private final Measurement estimate;
    private final Measurement alternative;

    public EstimateAlternative(Measurement estimate, Measurement alternative) {
        this.estimate = Objects.requireNonNull(estimate, "estimate");
        this.alternative = Objects.requireNonNull(alternative, "alternative");
    }

    public Measurement getEstimate() { return estimate; }
    public Measurement getAlternative() { return alternative; }
    @Override public List<Provenance> getProvenance() { return alternative.getProvenance(); }

    @Override public boolean equals(Object o) {
        return o instanceof EstimateAlternative a && a.estimate == estimate && a.alternative == alternative;
    }
    @Override public int hashCode() { return Objects.hash(System.identityHashCode(estimate), System.identityHashCode(alternative)); }
    @Override public String toString() { return "EstimateAlternative " + alternative + " for " + estimate; }
}
