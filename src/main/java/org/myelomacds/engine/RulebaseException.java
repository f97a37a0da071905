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
}
