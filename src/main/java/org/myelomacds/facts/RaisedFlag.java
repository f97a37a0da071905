package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/** A flag (washout, renal, pulmonary, safety, logistics) with the regimens it applies to; empty = patient-level. */
public final class RaisedFlag implements HasProvenance {
    private final String code;
    private final FlagSeverity severity;
    private final String text;
    private final List<String> regimens;
    private final RuleRef rule;
    private final List<Provenance> provenance;

    public RaisedFlag(String code, FlagSeverity severity, String text, List<String> regimens, RuleRef rule,
                      List<Provenance> provenance) {
        this.code = Objects.requireNonNull(code, "code");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.text = Objects.requireNonNull(text, "text");
        this.regimens = List.copyOf(regimens);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.provenance = List.copyOf(provenance);
    }

    public String getCode() { return code; }
    public FlagSeverity getSeverity() { return severity; }
    public String getText() { return text; }
    public List<String> getRegimens() { return regimens; }
    public boolean appliesTo(String regimen) { return regimens.contains(regimen); }
    public RuleRef getRule() { return rule; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof RaisedFlag f && code.equals(f.code) && severity == f.severity && text.equals(f.text)
                && regimens.equals(f.regimens) && rule.equals(f.rule) && provenance.equals(f.provenance);
    }
    @Override public int hashCode() { return Objects.hash(code, severity, text, regimens, rule); }
}
