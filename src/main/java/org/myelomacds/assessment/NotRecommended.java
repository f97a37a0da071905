package org.myelomacds.assessment;

import java.util.List;

/** A regimen that is NOT_ELIGIBLE or has INSUFFICIENT_DATA, with every failed or unknown criterion as a reason. */
public record NotRecommended(String regimen, String name, String status, List<Statement> reasons, List<Flag> flags) {
    public NotRecommended {
        reasons = List.copyOf(reasons);
        flags = List.copyOf(flags);
    }
}
