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
    /** What the rule declares it derives (its @concept), or null; a property of the rule, so not part of equality. */
    private final String concept;

    public RuleRef(String ruleId, String ruleName, List<String> evidence, boolean unverified) {
        this(ruleId, ruleName, evidence, unverified, null);
    }

    public RuleRef(String ruleId, String ruleName, List<String> evidence, boolean unverified, String concept) {
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.ruleName = Objects.requireNonNull(ruleName, "ruleName");
        this.evidence = List.copyOf(evidence);
        this.unverified = unverified;
        this.concept = concept;
    }

    public String getRuleId() { return ruleId; }
    public String getRuleName() { return ruleName; }
    public List<String> getEvidence() { return evidence; }
    public boolean isUnverified() { return unverified; }
    public String getConcept() { return concept; }

    @Override public boolean equals(Object o) {
        return o instanceof RuleRef r && ruleId.equals(r.ruleId) && ruleName.equals(r.ruleName) && evidence.equals(r.evidence) && unverified == r.unverified;
    }
    @Override public int hashCode() { return Objects.hash(ruleId, ruleName, evidence); }
}
