package org.myelomacds.facts;

import java.util.Objects;

/**
 * How many of a regimen's trial-population criteria the patient meets ({@code met}) and how many are failed or undecided
 * ({@code notMet}), stated by a rank rule: the tie-break after the strength of evidence ({@link EvidenceStrength}) and
 * before the regimen id.
 */
public final class TrialCriteriaCount {
    private final String regimen;
    private final int met;
    private final int notMet;
    private final RuleRef rule;

    public TrialCriteriaCount(String regimen, int met, int notMet, RuleRef rule) {
        this.regimen = Objects.requireNonNull(regimen, "regimen");
        this.met = met;
        this.notMet = notMet;
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public String getRegimen() { return regimen; }
    public int getMet() { return met; }
    public int getNotMet() { return notMet; }
    public RuleRef getRule() { return rule; }

    @Override public boolean equals(Object o) {
        return o instanceof TrialCriteriaCount c && regimen.equals(c.regimen) && met == c.met && notMet == c.notMet
                && rule.equals(c.rule);
    }
    @Override public int hashCode() { return Objects.hash(regimen, met, notMet, rule); }
}
