package org.myelomacds.server;

import org.myelomacds.render.cards.Card;
import org.myelomacds.server.feedback.GuardedFeedbackStore;
import org.myelomacds.server.feedback.IssuedCard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records the cards a hook call issues (card, service, hookInstance, the rules behind it, the rulebase), so feedback
 * on a card can be traced to its rules and override rates counted per rule.
 */
final class IssuedCardRecorder {
    private final GuardedFeedbackStore store;
    private final Clock clock;

    IssuedCardRecorder(GuardedFeedbackStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Recorded before the answer, so a 200 means a later feedback on these cards finds them (a crash right after the
     * response loses nothing); while the database is down they wait in memory instead (see GuardedFeedbackStore).
     */
    void record(String service, String hookInstance, List<Card> cards, String rulebaseSha256) {
        Instant now = clock.instant();
        store.recordIssued(cards.stream()
                .map(c -> new IssuedCard(c.uuid(), service, hookInstance, c.ruleIds(), rulebaseSha256, now)).toList());
    }
}
