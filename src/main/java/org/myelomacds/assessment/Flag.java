package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A flag as printed (codes are contract, ARCHITECTURE.md §6). {@code action} is the rule's short imperative of what to
 * do before or around dosing; it is null, and left out of the JSON, when the flag only informs. {@code proposals} are
 * the orders the rule's action proposes (left out when there are none), for front ends that turn them into draft orders.
 */
public record Flag(String code, String severity, String text,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String action,
                   String rule, List<String> evidence, List<String> regimens, List<FactRef> facts,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProposedOrder> proposals) {
    public Flag {
        evidence = List.copyOf(evidence);
        regimens = List.copyOf(regimens);
        facts = List.copyOf(facts);
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
    }

    /**
     * An order the flag's rule proposes: {@code type} "test" with {@code concept} the measurement whose value set gives
     * the code to order (e.g. ANTIBODY_SCREEN), and the name a clinician reads.
     */
    public record ProposedOrder(String type, String concept, String name) {}
}
