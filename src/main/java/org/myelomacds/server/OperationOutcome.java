package org.myelomacds.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A FHIR R4 OperationOutcome as an error body (CDS Hooks 3.0 recommends it; 2.0 clients read any JSON). Each issue
 * says what went wrong ({@code diagnostics}) and where ({@code expression}, a FHIRPath-like location in the request).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"resourceType", "issue"})
public record OperationOutcome(String resourceType, List<Issue> issue) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"severity", "code", "diagnostics", "expression"})
    public record Issue(String severity, String code, String diagnostics, List<String> expression) {
        public Issue { expression = expression == null ? List.of() : List.copyOf(expression); }
    }

    public OperationOutcome { issue = List.copyOf(issue); }

    public static OperationOutcome of(List<Issue> issues) { return new OperationOutcome("OperationOutcome", issues); }

    public static OperationOutcome error(String code, String diagnostics, String... expression) {
        return of(List.of(new Issue("error", code, diagnostics, List.of(expression))));
    }
}
