package org.myelomacds.facts;

import java.util.Objects;

/**
 * How strong the trial evidence behind a regimen is for this patient, stated by a rank rule: the first tie-break
 * between regimens with equal scores (then the regimen id). A higher level is stronger; the text says why.
 */
public final class EvidenceStrength {
    private final String regimen;
    private final int level;
    private final String text;
    private final RuleRef rule;

    public EvidenceStrength(String regimen, int level, String text, RuleRef rule) {
        this.regimen = Objects.requireNonNull(regimen, "regimen");
        this.level = level;
        this.text = Objects.requireNonNull(text, "text");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public String getRegimen() { return regimen; }
    public int getLevel() { return level; }
    public String getText() { return text; }
    public RuleRef getRule() { return rule; }

    @Override public boolean equals(Object o) {
        return o instanceof EvidenceStrength s && regimen.equals(s.regimen) && level == s.level && text.equals(s.text)
                && rule.equals(s.rule);
    }
    @Override public int hashCode() { return Objects.hash(regimen, level, text, rule); }
}
