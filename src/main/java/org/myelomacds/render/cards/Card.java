package org.myelomacds.render.cards;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A CDS Hooks 2.0 card. Optional fields that are empty are left out of the JSON (the spec forbids nulls and clients
 * render an empty array as an empty section). {@code ruleIds} never goes on the wire: the service keeps it so that
 * feedback on this card's uuid can be traced to the rules whose statements the card carries.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"uuid", "summary", "detail", "indicator", "source", "suggestions", "selectionBehavior", "overrideReasons", "links"})
public record Card(String uuid, String summary, String detail, String indicator, Source source,
                   List<Suggestion> suggestions, String selectionBehavior, List<Coding> overrideReasons, List<Link> links,
                   @JsonIgnore List<String> ruleIds) {
    public static final int MAX_SUMMARY = 139;

    public Card {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        overrideReasons = overrideReasons == null ? List.of() : List.copyOf(overrideReasons);
        links = links == null ? List.of() : List.copyOf(links);
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
        if (summary == null || summary.isBlank()) throw new IllegalArgumentException("a card needs a summary");
        if (summary.length() > MAX_SUMMARY) throw new IllegalArgumentException("card summary over 140 characters: " + summary);
        // selectionBehavior is required exactly when there are suggestions (CDS Hooks 2.0 Card attributes).
        if (!suggestions.isEmpty() && selectionBehavior == null) throw new IllegalArgumentException("suggestions need a selectionBehavior");
        if (suggestions.isEmpty()) selectionBehavior = null;
    }

    /** Where the card's knowledge comes from; {@code label} is required, {@code url} names the evidence. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Source(String label, String url, Coding topic) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"system", "code", "display"})
    public record Coding(String system, String code, String display) {}

    /** A link the clinician can open; type {@code absolute} (a plain URL) or {@code smart} (a SMART app launch). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Link(String label, String url, String type) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"label", "uuid", "isRecommended", "actions"})
    public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {
        public Suggestion { actions = actions == null ? List.of() : List.copyOf(actions); }
    }

    /** One change a suggestion proposes: for {@code create}, {@code resource} is the complete new FHIR resource. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"type", "description", "resource"})
    public record Action(String type, String description, java.util.Map<String, Object> resource) {}
}
