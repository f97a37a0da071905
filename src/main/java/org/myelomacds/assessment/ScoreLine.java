package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One stated component of a regimen's score. The score is their plain sum. {@code concept} is what the scoring rule
 * declares it derives (a trial subgroup match), absent for other components.
 */
public record ScoreLine(String label, int points, String rule, List<String> evidence,
                        @JsonInclude(JsonInclude.Include.NON_NULL) DerivedConcept concept) {
    public ScoreLine {
        evidence = List.copyOf(evidence);
    }
}
