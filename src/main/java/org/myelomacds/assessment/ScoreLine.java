package org.myelomacds.assessment;

import java.util.List;

/** One stated component of a regimen's score. The score is their plain sum. */
public record ScoreLine(String label, int points, String rule, List<String> evidence) {
    public ScoreLine {
        evidence = List.copyOf(evidence);
    }
}
