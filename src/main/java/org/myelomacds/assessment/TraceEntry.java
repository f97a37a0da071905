package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One rule firing, in firing order: the rule id, its file and line, its declared evidence and the facts it matched.
 * {@code withdrawn} marks a firing whose match no longer held when the session ended: its conclusions (every rule
 * inserts logically) were withdrawn with it, so it explains nothing in the result. The entry stays because the trace
 * is the record of what the engine ran; the marker is printed only when true, so other entries read as before.
 * {@code concept} is what the rule declares it derives (@concept), absent for rules that declare none.
 */
public record TraceEntry(String rule, String file, int line, List<String> evidence, List<FactRef> facts,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean withdrawn,
                         @JsonInclude(JsonInclude.Include.NON_NULL) DerivedConcept concept) {
    public TraceEntry {
        evidence = List.copyOf(evidence);
        facts = List.copyOf(facts);
    }

    /** A firing whose conclusions hold in the result. */
    public TraceEntry(String rule, String file, int line, List<String> evidence, List<FactRef> facts) {
        this(rule, file, line, evidence, facts, false, null);
    }

    /** Whether the firing's conclusions are part of the final result (not withdrawn). */
    public boolean inEffect() { return !withdrawn; }
}
