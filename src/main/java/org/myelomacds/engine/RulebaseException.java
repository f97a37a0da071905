package org.myelomacds.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rulebase could not be built: compile errors (with file and line) or unreadable catalogues. */
public final class RulebaseException extends Exception {
    private final String headline;
    private final List<RuleProblem> problems;

    public RulebaseException(String message, List<RuleProblem> problems) {
        super(message + (problems.isEmpty() ? "" : ":\n" + problems.stream().map(RuleProblem::toString)
                .collect(Collectors.joining("\n"))));
        this.headline = message;
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() { return problems; }

    /** The message without the problem list, for front ends that print the problems themselves. */
    public String headline() { return headline; }

    /**
     * The same failure with its files printed under the rule directory as the user named it ({@code --rules DIR}),
     * instead of the canonical "rules/" the compiler and the checks use.
     */
    public RulebaseException locatedUnder(String prefix) {
        if (prefix == null || prefix.equals("rules/")) return this;
        List<RuleProblem> moved = problems.stream().map(p -> p.file().startsWith("rules/")
                ? new RuleProblem(prefix + p.file().substring("rules/".length()), p.line(), p.column(), p.severity(), p.message())
                : p).toList();
        RulebaseException e = new RulebaseException(headline, moved);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
