package org.myelomacds.render.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The body of a CDS Hooks response: {@code cards} is always present, as an empty array when there is nothing to say. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CdsResponse(List<Card> cards) {
    public CdsResponse { cards = List.copyOf(cards); }

    public static CdsResponse none() { return new CdsResponse(List.of()); }
}
