package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A flag as printed (codes are contract, ARCHITECTURE.md §6). {@code action} is the rule's short imperative of what to
 * do before or around dosing; it is null, and left out of the JSON, when the flag only informs.
 */
public record Flag(String code, String severity, String text,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String action,
                   String rule, List<String> evidence, List<String> regimens, List<FactRef> facts) {
    public Flag {
        evidence = List.copyOf(evidence);
        regimens = List.copyOf(regimens);
        facts = List.copyOf(facts);
    }
}
