package org.myelomacds.evidence.terminology;

import java.util.List;
import java.util.stream.Collectors;

/** rules/terminology/ cannot be used: each problem names the file and where in it. */
public final class TerminologyException extends Exception {
    private final List<TerminologyProblem> problems;

    public TerminologyException(List<TerminologyProblem> problems) {
        super("rules/terminology/ has " + problems.size() + " error(s):\n"
                + problems.stream().map(TerminologyProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<TerminologyProblem> problems() { return problems; }
}
