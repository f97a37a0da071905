package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * The rule that produced an output, the evidence ids it declared in @evidence, and whether it declared
 * @verification(M|T) — an unverified fact that may inform but never exclude.
 */
public final class RuleRef {
    private final String ruleId;
    private final String ruleName;
    private final List<String> evidence;
    private final boolean unverified;

    public RuleRef(String ruleId, String ruleName, List<String> evidence, boolean unverified) {
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.ruleName = Objects.requireNonNull(ruleName, "ruleName");
        this.evidence = List.copyOf(evidence);
        this.unverified = unverified;
    }

    public String getRuleId() { return ruleId; }
    public String getRuleName() { return ruleName; }
    public List<String> getEvidence() { return evidence; }
    public boolean isUnverified() { return unverified; }

    @Override public boolean equals(Object o) {
        return o instanceof RuleRef r && ruleId.equals(r.ruleId) && ruleName.equals(r.ruleName) && evidence.equals(r.evidence) && unverified == r.unverified;
    }
    @Override public int hashCode() { return Objects.hash(ruleId, ruleName, evidence); }
}
