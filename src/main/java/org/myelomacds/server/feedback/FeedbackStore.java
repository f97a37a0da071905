package org.myelomacds.server.feedback;

import java.util.List;

/**
 * Remembers the cards the service issued (so feedback can be traced to the rules behind a card) and the
 * feedback clients send about them (CDS Hooks 2.0 "Feedback"), and reports override rates per rule id.
 */
public interface FeedbackStore extends AutoCloseable {

    void recordIssued(List<IssuedCard> cards);

    /** Stores one feedback item; false when the card uuid was never issued by this service. */
    boolean recordFeedback(FeedbackEntry entry);

    /** For every rule id behind at least one card that received feedback: how often it was accepted or overridden. */
    List<OverrideRate> overrideRates();

    /** Checks the store can be reached now; throws {@link FeedbackStoreException} when it cannot. */
    default void ping() { }

    @Override
    void close();
}
