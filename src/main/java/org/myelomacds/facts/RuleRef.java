package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/** The rule that produced an output and the evidence ids it declared in @evidence. */
public final class RuleRef {
    private final String ruleId;
    private final String ruleName;
    private final List<String> evidence;

    public RuleRef(String ruleId, String ruleName, List<String> evidence) {
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.ruleName = Objects.requireNonNull(ruleName, "ruleName");
        this.evidence = List.copyOf(evidence);
    }

    public String getRuleId() { return ruleId; }
    public String getRuleName() { return ruleName; }
    public List<String> getEvidence() { return evidence; }

    @Override public boolean equals(Object o) {
        return o instanceof RuleRef r && ruleId.equals(r.ruleId) && ruleName.equals(r.ruleName) && evidence.equals(r.evidence);
    }
    @Override public int hashCode() { return Objects.hash(ruleId, ruleName, evidence); }
}
