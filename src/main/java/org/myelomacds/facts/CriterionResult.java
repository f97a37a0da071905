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
    private final List<String> labels;

    public CriterionResult(String regimen, String criterion, CriterionKind kind, CriterionOutcome outcome, String text,
                           RuleRef rule, List<Provenance> provenance) {
        this(regimen, criterion, kind, outcome, text, rule, provenance, List.of());
    }

    /**
     * {@code labels}: the keys of the label indications (rules/regimens.yaml, "DARA_VRD/US-SC-TI") this criterion was
     * decided on as they stood on the evaluation date: those in force when MET, those not yet (or no longer) in force
     * when a date made it fail. Empty for criteria that do not rest on a dated indication.
     */
    public CriterionResult(String regimen, String criterion, CriterionKind kind, CriterionOutcome outcome, String text,
                           RuleRef rule, List<Provenance> provenance, List<String> labels) {
        this.regimen = Objects.requireNonNull(regimen, "regimen");
        this.criterion = Objects.requireNonNull(criterion, "criterion");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.text = Objects.requireNonNull(text, "text");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.provenance = List.copyOf(provenance);
        this.labels = List.copyOf(labels);
    }

    public String getRegimen() { return regimen; }
    public String getCriterion() { return criterion; }
    public CriterionKind getKind() { return kind; }
    public CriterionOutcome getOutcome() { return outcome; }
    public String getText() { return text; }
    public RuleRef getRule() { return rule; }
    @Override public List<Provenance> getProvenance() { return provenance; }
    public List<String> getLabels() { return labels; }
    /** Orders a regimen's met indication criteria for the label score: those resting on a dated label first, then by id. */
    public String getLabelOrder() { return (labels.isEmpty() ? "1:" : "0:") + criterion; }

    @Override public boolean equals(Object o) {
        return o instanceof CriterionResult c && regimen.equals(c.regimen) && criterion.equals(c.criterion)
                && kind == c.kind && outcome == c.outcome && text.equals(c.text) && rule.equals(c.rule)
                && provenance.equals(c.provenance) && labels.equals(c.labels);
    }
    @Override public int hashCode() { return Objects.hash(regimen, criterion, kind, outcome, text, rule); }
}
