package org.myelomacds.server;

import org.myelomacds.server.feedback.FeedbackEntry;
import org.myelomacds.server.feedback.FeedbackStore;
import org.myelomacds.server.feedback.IssuedCard;
import org.myelomacds.server.feedback.OverrideRate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A FeedbackStore for HTTP tests that are not about the database: keeps issued cards and feedback in memory. */
class InMemoryFeedbackStore implements FeedbackStore {
    final Map<String, IssuedCard> issued = new ConcurrentHashMap<>();
    final List<FeedbackEntry> feedback = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override public void recordIssued(List<IssuedCard> cards) { cards.forEach(c -> issued.put(c.uuid(), c)); }

    @Override public boolean recordFeedback(FeedbackEntry entry) {
        if (!issued.containsKey(entry.cardUuid())) return false;
        feedback.add(entry);
        return true;
    }

    @Override public synchronized List<OverrideRate> overrideRates() {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        for (FeedbackEntry f : feedback) {
            for (String rule : issued.get(f.cardUuid()).ruleIds()) {
                long[] c = counts.computeIfAbsent(rule, r -> new long[2]);
                if ("accepted".equals(f.outcome())) c[0]++;
                else {
                    c[1]++;
                    if (f.overrideReasonCode() != null) reasons.computeIfAbsent(rule, r -> new TreeMap<>()).merge(f.overrideReasonCode(), 1L, Long::sum);
                }
            }
        }
        List<OverrideRate> out = new ArrayList<>();
        counts.forEach((rule, c) -> out.add(new OverrideRate(rule, c[0], c[1], reasons.getOrDefault(rule, Map.of()))));
        return out;
    }

    @Override public void close() {}
}
