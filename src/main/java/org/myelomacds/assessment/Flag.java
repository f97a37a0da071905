package org.myelomacds.assessment;

import java.util.List;

/** A flag as printed (codes are contract, ARCHITECTURE.md §6). */
public record Flag(String code, String severity, String text, String rule, List<String> evidence,
                   List<String> regimens, List<FactRef> facts) {
    public Flag {
        evidence = List.copyOf(evidence);
        regimens = List.copyOf(regimens);
        facts = List.copyOf(facts);
    }
}
