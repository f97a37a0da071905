package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * A flag (washout, renal, pulmonary, safety, logistics) with the regimens it applies to; empty = patient-level.
 * The text states the finding and its evidence; the action, when the rule gives one, is the short imperative of what
 * to do before or around dosing, so a reader who sees only the action still sees what the text asks for.
 */
public final class RaisedFlag implements HasProvenance {
    private final String code;
    private final FlagSeverity severity;
    private final String text;
    private final String action;
    private final List<Proposal> proposals;
    private final List<Milestone> milestones;
    private final List<String> regimens;
    private final RuleRef rule;
    private final List<Provenance> provenance;

    public RaisedFlag(String code, FlagSeverity severity, String text, List<String> regimens, RuleRef rule,
                      List<Provenance> provenance) {
        this(code, severity, text, null, regimens, rule, provenance);
    }

    /** @param action what to do, or null when the flag is informational only */
    public RaisedFlag(String code, FlagSeverity severity, String text, String action, List<String> regimens, RuleRef rule,
                      List<Provenance> provenance) {
        this(code, severity, text, action, List.of(), regimens, rule, provenance);
    }

    /** @param proposals the orders the action proposes (empty when it proposes none); only a flag with an action has any */
    public RaisedFlag(String code, FlagSeverity severity, String text, String action, List<Proposal> proposals,
                      List<String> regimens, RuleRef rule, List<Provenance> provenance) {
        this(code, severity, text, action, proposals, List.of(), regimens, rule, provenance);
    }

    /** @param milestones the days on which the rule expects what the flag says to change, in date order */
    public RaisedFlag(String code, FlagSeverity severity, String text, String action, List<Proposal> proposals,
                      List<Milestone> milestones, List<String> regimens, RuleRef rule, List<Provenance> provenance) {
        this.milestones = milestones.stream().sorted(java.util.Comparator.comparing(Milestone::on)).toList();
        if (action == null && !proposals.isEmpty()) throw new IllegalArgumentException("flag " + code + ": proposals without an action");
        this.proposals = List.copyOf(proposals);
        this.code = Objects.requireNonNull(code, "code");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.text = Objects.requireNonNull(text, "text");
        if (action != null && action.isBlank()) throw new IllegalArgumentException("flag " + code + ": a blank action; leave it out instead");
        this.action = action;
        this.regimens = List.copyOf(regimens);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.provenance = List.copyOf(provenance);
    }

    public String getCode() { return code; }
    public FlagSeverity getSeverity() { return severity; }
    public String getText() { return text; }
    /** What to do, or null when the flag only informs. */
    public String getAction() { return action; }
    /** The orders the action proposes, in the rule's order. */
    public List<Proposal> getProposals() { return proposals; }
    /** The days on which the rule expects what the flag says to change (earliest first); empty when it names none. */
    public List<Milestone> getMilestones() { return milestones; }
    /**
     * The same flag, stating the days on which what it says changes: {@code Outputs.flag(…).changingOn(
     * Outputs.milestone(day, atTheLatest, "the washout reaches 180 days"))}. The rule computes the days from its own
     * thresholds; renderers print them.
     */
    public RaisedFlag changingOn(Milestone... more) {
        List<Milestone> all = new java.util.ArrayList<>(milestones);
        all.addAll(List.of(more));
        return new RaisedFlag(code, severity, text, action, proposals, all, regimens, rule, provenance);
    }
    /** The same flag with this provenance (merging the facts of equal flags). */
    public RaisedFlag withProvenance(List<Provenance> facts) {
        return new RaisedFlag(code, severity, text, action, proposals, milestones, regimens, rule, facts);
    }
    public List<String> getRegimens() { return regimens; }
    public boolean appliesTo(String regimen) { return regimens.contains(regimen); }
    public RuleRef getRule() { return rule; }
    @Override public List<Provenance> getProvenance() { return provenance; }

    @Override public boolean equals(Object o) {
        return o instanceof RaisedFlag f && code.equals(f.code) && severity == f.severity && text.equals(f.text)
                && Objects.equals(action, f.action) && proposals.equals(f.proposals) && milestones.equals(f.milestones) && regimens.equals(f.regimens) && rule.equals(f.rule) && provenance.equals(f.provenance);
    }
    @Override public int hashCode() { return Objects.hash(code, severity, text, action, regimens, rule); }
}
