package org.myelomacds.fhir;

import java.util.List;

import org.myelomacds.facts.UnreadableInput;

/**
 * The whole bundle was refused: not JSON, not an R4 Bundle, no or several patients. The message names the
 * problem (and, where it can, the entry, resource and field); {@link #problems()} lists the details.
 */
public final class InvalidBundleException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<UnreadableInput> problems;

    public InvalidBundleException(String message, List<UnreadableInput> problems) {
        super(message);
        this.problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public List<UnreadableInput> problems() { return problems; }

    /** The problems as text lines, leaving out the one the message already says (a single-problem refusal). */
    public List<String> details() {
        return problems.stream().map(UnreadableInput::describe).filter(d -> !d.equals(getMessage())).toList();
    }

    static InvalidBundleException of(String message) {
        return new InvalidBundleException(message, List.of(new UnreadableInput(-1, null, null, message)));
    }

    static InvalidBundleException at(int entryIndex, String reference, String field, String message) {
        UnreadableInput problem = new UnreadableInput(entryIndex, reference, field, message);
        return new InvalidBundleException(problem.describe(), List.of(problem));
    }
}
