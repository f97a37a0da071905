package org.myelomacds.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rulebase could not be built: compile errors (with file and line) or unreadable catalogues. */
public final class RulebaseException extends Exception {
    private final List<RuleProblem> problems;

    public RulebaseException(String message, List<RuleProblem> problems) {
        super(message + (problems.isEmpty() ? "" : ":\n" + problems.stream().map(RuleProblem::toString)
                .collect(Collectors.joining("\n"))));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() { return problems; }

    /**
     * The same failure with its files printed under the rule directory as the user named it ({@code --rules DIR}),
     * instead of the canonical "rules/" the compiler and the checks use.
     */
    public RulebaseException locatedUnder(String prefix) {
        if (prefix == null || prefix.equals("rules/")) return this;
        List<RuleProblem> moved = problems.stream().map(p -> p.file().startsWith("rules/")
                ? new RuleProblem(prefix + p.file().substring("rules/".length()), p.line(), p.column(), p.severity(), p.message())
                : p).toList();
        String head = getMessage();
        int colon = problems.isEmpty() ? -1 : head.indexOf(":\n");
        RulebaseException e = new RulebaseException(colon >= 0 ? head.substring(0, colon) : head, moved);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
