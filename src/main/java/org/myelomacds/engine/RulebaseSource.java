package org.myelomacds.engine;

import java.util.List;
import java.util.Optional;

/**
 * Where a long-running front end (the server) gets the rulebase for each request. A request takes
 * {@link #current()} once and uses that rulebase to the end, so a reload never changes a request in flight.
 */
public interface RulebaseSource extends AutoCloseable {

    Rulebase current();

    /** The outcome of the most recent reload attempt, if any reload has been attempted. */
    Optional<ReloadAttempt> lastReload();

    /**
     * The most recent reload attempts, newest first (a short, bounded history): one refused attempt between two
     * swaps would otherwise be invisible once the next attempt ran.
     */
    default List<ReloadAttempt> recentReloads() {
        return lastReload().map(List::of).orElse(List.of());
    }

    @Override
    default void close() {}

    static RulebaseSource fixed(Rulebase rulebase) {
        return new RulebaseSource() {
            @Override public Rulebase current() { return rulebase; }
            @Override public Optional<ReloadAttempt> lastReload() { return Optional.empty(); }
        };
    }
}
