package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A criterion as the reader sees it: a rationale line of a recommendation or a why-not reason.
 * {@code facts} are the patient data that decided it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Statement(String criterion, String kind, String outcome, String text, String rule,
                        List<String> evidence, List<FactRef> facts) {
    public Statement {
        evidence = List.copyOf(evidence);
        facts = List.copyOf(facts);
    }
}
