package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * Transplant eligibility as the engine will use it: from a clinician's statement when one exists,
 * otherwise from the age proxy of the trials' populations (§1.4), otherwise unknown.
 */
public final class TransplantEligibility implements HasProvenance {
    public enum Basis { ASSERTED, AGE_PROXY, NONE }

    private final TransplantStatus status;
    private final Basis basis;
    private final String explanation;
    private final List<Provenance> provenance;

    public TransplantEligibility(TransplantStatus status, Basis basis, String explanation, List<Provenance> provenance) {
        this.status = Objects.requireNonNull(status, "status");
        this.basis = Objects.requireNonNull(basis, "basis");
        this.explanation = explanation;
        this.provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    public TransplantStatus getStatus() { return status; }
    public Basis getBasis() { return basis; }
    public String getExplanation() { return explanation; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof TransplantEligibility t && status == t.status && basis == t.basis
                && Objects.equals(explanation, t.explanation) && provenance.equals(t.provenance);
    }
    @Override public int hashCode() { return Objects.hash(status, basis, explanation, provenance); }
}
