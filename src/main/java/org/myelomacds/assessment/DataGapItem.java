package org.myelomacds.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Missing data that would change the answer, and which regimens' evaluation it affects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataGapItem(String code, String text, List<String> wouldAffect, String rule, List<String> evidence) {
    public DataGapItem {
        wouldAffect = List.copyOf(wouldAffect);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
