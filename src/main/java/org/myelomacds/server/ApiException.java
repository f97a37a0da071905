package org.myelomacds.server;

import java.util.List;

/** A request the service refuses: the HTTP status and the OperationOutcome that tells the client why and where. */
final class ApiException extends RuntimeException {
    private final int status;
    private final OperationOutcome outcome;

    ApiException(int status, OperationOutcome outcome) {
        super(outcome.issue().isEmpty() ? "HTTP " + status : outcome.issue().get(0).diagnostics());
        this.status = status;
        this.outcome = outcome;
    }

    static ApiException of(int status, String code, String diagnostics, String... expression) {
        return new ApiException(status, OperationOutcome.error(code, diagnostics, expression));
    }

    static ApiException of(int status, List<OperationOutcome.Issue> issues) {
        return new ApiException(status, OperationOutcome.of(issues));
    }

    int status() { return status; }
    OperationOutcome outcome() { return outcome; }
}
