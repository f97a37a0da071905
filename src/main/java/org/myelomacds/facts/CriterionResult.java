package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/** One criterion of one regimen, decided by one rule, with the patient data that decided it. */
public final class CriterionResult implements HasProvenance {
    private final String regimen;
    private final String criterion;
    private final CriterionKind kind;
    private final CriterionOutcome outcome;
    private final String text;
    private final RuleRef rule;
    private final List<Provenance> provenance;

    public CriterionResult(String regimen, String criterion, CriterionKind kind, CriterionOutcome outcome, String text,
                           RuleRef rule, List<Provenance> provenance) {
        this.regimen = Objects.requireNonNull(regimen, "regimen");
        this.criterion = Objects.requireNonNull(criterion, "criterion");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.text = Objects.requireNonNull(text, "text");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.provenance = List.copyOf(provenance);
    }

    public String getRegimen() { return regimen; }
    public String getCriterion() { return criterion; }
    public CriterionKind getKind() { return kind; }
    public CriterionOutcome getOutcome() { return outcome; }
    public String getText() { return text; }
    public RuleRef getRule() { return rule; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof CriterionResult c && regimen.equals(c.regimen) && criterion.equals(c.criterion)
                && kind == c.kind && outcome == c.outcome && text.equals(c.text) && rule.equals(c.rule)
                && provenance.equals(c.provenance);
    }
    @Override public int hashCode() { return Objects.hash(regimen, criterion, kind, outcome, text, rule); }
}
