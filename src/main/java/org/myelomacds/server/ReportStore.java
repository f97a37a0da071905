package org.myelomacds.server;

import org.myelomacds.assessment.Assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The assessments behind recently issued cards, so a card's link can open the full report. Each is kept under a
 * random, unguessable id (the link is the capability), for a bounded time and count: patient data is held in
 * memory only as long as a clinician plausibly follows the link, and never written to disk.
 */
final class ReportStore {
    private final int capacity;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, false);

    private record Entry(Assessment assessment, Instant expires) {}

    ReportStore(int capacity, Duration ttl, Clock clock) {
        this.capacity = capacity;
        this.ttl = ttl;
        this.clock = clock;
    }

    synchronized String put(Assessment assessment) {
        String id = UUID.randomUUID().toString();
        entries.put(id, new Entry(assessment, clock.instant().plus(ttl)));
        while (entries.size() > capacity) entries.remove(entries.keySet().iterator().next());
        return id;
    }

    synchronized Optional<Assessment> get(String id) {
        Instant now = clock.instant();
        entries.values().removeIf(e -> e.expires().isBefore(now));
        Entry e = entries.get(id);
        return e == null ? Optional.empty() : Optional.of(e.assessment());
    }

    synchronized int size() { return entries.size(); }

    Map<String, Object> describe() { return Map.of("held", size(), "capacity", capacity, "ttlMinutes", ttl.toMinutes()); }
}
