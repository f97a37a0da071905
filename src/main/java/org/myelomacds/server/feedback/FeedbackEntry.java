package org.myelomacds.server.feedback;

import java.time.Instant;

/**
 * One feedback item: outcome is "accepted" or "overridden" (CDS Hooks 2.0); an override may carry the reason the
 * clinician picked (its code and display from the card's overrideReasons) and a free-text comment.
 */
public record FeedbackEntry(String serviceId, String cardUuid, String outcome, Instant outcomeTimestamp,
                            String overrideReasonCode, String overrideReasonDisplay, String userComment,
                            java.util.List<String> acceptedSuggestions) {
    public FeedbackEntry {
        acceptedSuggestions = acceptedSuggestions == null ? java.util.List.of() : java.util.List.copyOf(acceptedSuggestions);
    }
}
