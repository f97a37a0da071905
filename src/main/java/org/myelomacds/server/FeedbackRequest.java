package org.myelomacds.server;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A feedback call (CDS Hooks 2.0 "Feedback"): what the clinician did with each card, bound by Jackson from the body.
 * Fields this service does not know ({@code extension}) are ignored, as the specification asks of a service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeedbackRequest(List<Item> feedback) {

    /** One card's outcome. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String card, String outcome, String outcomeTimestamp, OverrideReason overrideReason,
                List<AcceptedSuggestion> acceptedSuggestions) {
    }

    /** Why a card was overridden: one of the card's overrideReasons, and what the clinician wrote. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OverrideReason(Coding reason, String userComment) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Coding(String system, String code, String display) {
    }

    /**
     * A suggestion the clinician accepted: {@code {"id": …}} as the specification writes it; a bare id string is
     * taken too, as some clients send it.
     */
    record AcceptedSuggestion(String id) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static AcceptedSuggestion of(JsonNode value) {
            return new AcceptedSuggestion(value.path("id").asText(value.asText()));
        }
    }
}
