package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One rule firing, in firing order: the rule id, its file and line, its declared evidence, the facts it matched and,
 * for a rule that declares one, the concept it derives (absent otherwise).
 */
public record TraceEntry(String rule, String file, int line, List<String> evidence, List<FactRef> facts,
                         @JsonInclude(JsonInclude.Include.NON_NULL) DerivedConcept concept) {
    public TraceEntry {
        evidence = List.copyOf(evidence);
        facts = List.copyOf(facts);
    }
}
