package org.myelomacds.assessment;

import java.util.List;

/** A regimen the patient may receive, ranked; statuses ELIGIBLE, ELIGIBLE_WITH_CAUTIONS, OFF_LABEL_EVIDENCE. */
public record Recommendation(int rank, String regimen, String name, String status, int score,
                             List<ScoreLine> scoreComponents, List<Statement> rationale, List<Flag> flags,
                             List<String> evidence) {
    public Recommendation {
        scoreComponents = List.copyOf(scoreComponents);
        rationale = List.copyOf(rationale);
        flags = List.copyOf(flags);
        evidence = List.copyOf(evidence);
    }
}
