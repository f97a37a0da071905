package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * A diagnosis the record states only as possible (verificationStatus provisional, differential or unconfirmed).
 * It is a fact of its own so that no rule written against {@link ClinicalCondition} can act on it by accident:
 * rules/gaps and rules/flags turn it into an INFO note and a data gap, never into an exclusion.
 */
public final class PossibleCondition implements HasProvenance {
    private final ClinicalCondition condition;

    public PossibleCondition(ClinicalCondition condition) {
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public ClinicalCondition getCondition() { return condition; }
    public ConditionKind getKind() { return condition.getKind(); }
    public String getVerificationStatus() { return condition.getVerificationStatus(); }

    /** "COPD (provisional, Condition/c1)": how rule text names it. */
    public String describe() {
        String what = condition.getDisplay() != null ? condition.getDisplay() : condition.getKind().name();
        return what + " (verification status " + condition.getVerificationStatus() + ", " + condition.sourceReference() + ")";
    }

    @Override public List<Provenance> getProvenance() { return condition.getProvenance(); }
}
