package org.myelomacds.assessment;

import java.util.List;

/** One rule firing, in firing order: the rule id, its file and line, its declared evidence and the facts it matched. */
public record TraceEntry(String rule, String file, int line, List<String> evidence, List<FactRef> facts) {
    public TraceEntry {
        evidence = List.copyOf(evidence);
        facts = List.copyOf(facts);
    }
}
