package org.myelomacds.server.feedback;

import java.time.Instant;
import java.util.List;

/** One card as issued: its uuid, the service and hook invocation, and the rule ids whose statements it carries. */
public record IssuedCard(String uuid, String serviceId, String hookInstance, List<String> ruleIds, String rulebaseSha256, Instant issuedAt) {
    public IssuedCard {
        ruleIds = List.copyOf(ruleIds);
    }
}
