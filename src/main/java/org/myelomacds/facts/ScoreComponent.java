package org.myelomacds.facts;

import java.util.Objects;

/** One stated, cited part of a regimen's ranking score; the score is the plain sum of its components. */
public final class ScoreComponent {
    private final String regimen;
    private final String label;
    private final int points;
    private final RuleRef rule;

    public ScoreComponent(String regimen, String label, int points, RuleRef rule) {
        this.regimen = Objects.requireNonNull(regimen, "regimen");
        this.label = Objects.requireNonNull(label, "label");
        this.points = points;
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public String getRegimen() { return regimen; }
    public String getLabel() { return label; }
    public int getPoints() { return points; }
    public RuleRef getRule() { return rule; }

    @Override public boolean equals(Object o) {
        return o instanceof ScoreComponent s && regimen.equals(s.regimen) && label.equals(s.label)
                && points == s.points && rule.equals(s.rule);
    }
    @Override public int hashCode() { return Objects.hash(regimen, label, points, rule); }
}
