package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/** Missing or unusable data that would change the answer, and the regimens whose evaluation it affects. */
public final class DataGap {
    private final String code;
    private final String text;
    private final List<String> wouldAffect;
    private final RuleRef rule;

    public DataGap(String code, String text, List<String> wouldAffect, RuleRef rule) {
        this.code = Objects.requireNonNull(code, "code");
        this.text = Objects.requireNonNull(text, "text");
        this.wouldAffect = List.copyOf(wouldAffect);
        this.rule = rule;
    }

    public String getCode() { return code; }
    public String getText() { return text; }
    public List<String> getWouldAffect() { return wouldAffect; }
    /** The rule that raised the gap; null for gaps raised by the reader (unreadable input). */
    public RuleRef getRule() { return rule; }

    @Override public boolean equals(Object o) {
        return o instanceof DataGap d && code.equals(d.code) && text.equals(d.text) && wouldAffect.equals(d.wouldAffect)
                && Objects.equals(rule, d.rule);
    }
    @Override public int hashCode() { return Objects.hash(code, text, wouldAffect, rule); }
}
