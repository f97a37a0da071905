package org.myelomacds.fhir;

import java.util.List;

import org.myelomacds.facts.UnreadableInput;

/**
 * The whole bundle was refused: not JSON, not an R4 Bundle, no or several patients — or a readable bundle whose
 * patient must not be assessed (deceased on or before the evaluation date). The message names the problem (and,
 * where it can, the entry, resource and field); {@link #problems()} lists the details; {@link #reason()} tells an
 * unreadable bundle (HTTP 400) from a readable one refused for what it says (HTTP 422). Both exit 3 on the CLI.
 */
public final class InvalidBundleException extends Exception {
    /** Why the bundle was refused. */
    public enum Reason {
        /** Not JSON, not an R4 Bundle, no or several patients, the Patient unreadable. */
        UNREADABLE,
        /** Readable, but Patient.deceased[x] says the patient had died on or before the evaluation date. */
        PATIENT_DECEASED
    }

    private static final long serialVersionUID = 1L;
    private final transient List<UnreadableInput> problems;
    private final Reason reason;

    public InvalidBundleException(String message, List<UnreadableInput> problems) {
        this(message, problems, Reason.UNREADABLE);
    }

    private InvalidBundleException(String message, List<UnreadableInput> problems, Reason reason) {
        super(message);
        this.problems = problems == null ? List.of() : List.copyOf(problems);
        this.reason = reason;
    }

    public List<UnreadableInput> problems() { return problems; }

    public Reason reason() { return reason; }

    /** True when the bundle was read but its content forbids an assessment (a deceased patient). */
    public boolean isUnprocessable() { return reason != Reason.UNREADABLE; }

    /** The problems as text lines, leaving out the one the message already says (a single-problem refusal). */
    public List<String> details() {
        return problems.stream().map(UnreadableInput::describe).filter(d -> !d.equals(getMessage())).toList();
    }

    static InvalidBundleException of(String message) {
        return new InvalidBundleException(message, List.of(new UnreadableInput(-1, null, null, message)));
    }

    static InvalidBundleException deceased(int entryIndex, String reference, String field, String message) {
        UnreadableInput problem = new UnreadableInput(entryIndex, reference, field, message);
        return new InvalidBundleException(problem.describe(), List.of(problem), Reason.PATIENT_DECEASED);
    }

    static InvalidBundleException at(int entryIndex, String reference, String field, String message) {
        UnreadableInput problem = new UnreadableInput(entryIndex, reference, field, message);
        return new InvalidBundleException(problem.describe(), List.of(problem));
    }
}
