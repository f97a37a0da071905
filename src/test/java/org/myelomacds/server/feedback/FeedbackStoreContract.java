package org.myelomacds.server.feedback;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every feedback database must do; subclasses say which database (H2 in memory, H2 file, PostgreSQL). */
abstract class FeedbackStoreContract {
    static final String SERVICE = "myeloma-anti-cd38";
    static final String SHA = "a".repeat(64);
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    protected JdbcFeedbackStore store;

    /** A fresh, empty database for one test. */
    protected abstract String freshUrl() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = JdbcFeedbackStore.open(freshUrl());
    }

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
    }

    static IssuedCard card(String uuid, String... rules) {
        return new IssuedCard(uuid, SERVICE, UUID.randomUUID().toString(), List.of(rules), SHA, T0);
    }

    static FeedbackEntry accepted(String uuid, String... suggestions) {
        return new FeedbackEntry(SERVICE, uuid, "accepted", T0.plusSeconds(30), null, null, null, List.of(suggestions));
    }

    static FeedbackEntry overridden(String uuid, String reason) {
        return new FeedbackEntry(SERVICE, uuid, "overridden", T0.plusSeconds(30), reason, reason == null ? null : "Display of " + reason,
                "clinician comment", List.of());
    }

    static OverrideRate rate(List<OverrideRate> rates, String rule) {
        return rates.stream().filter(r -> r.ruleId().equals(rule)).findFirst().orElseThrow(() -> new AssertionError("no rate for " + rule + " in " + rates));
    }

    @Test
    void createsTheSchemaOnce() {
        assertEquals(1, store.schemaVersion());
        assertEquals(0, store.issuedCardCount());
        assertEquals(List.of(), store.overrideRates());
    }

    @Test
    void feedbackRoundTripGivesOverrideRatesPerRule() {
        store.recordIssued(List.of(card("c1", "isa-pd-eligible", "copd-prophylaxis"), card("c2", "isa-pd-eligible"), card("c3", "type-and-screen")));
        assertEquals(3, store.issuedCardCount());
        assertTrue(store.recordFeedback(overridden("c1", "patient-declined")));
        assertTrue(store.recordFeedback(accepted("c2", "order-type-and-screen")));
        assertTrue(store.recordFeedback(overridden("c3", null)));
        assertTrue(store.recordFeedback(overridden("c1", "patient-declined")));
        assertEquals(4, store.feedbackCount());

        List<OverrideRate> rates = store.overrideRates();
        assertEquals(3, rates.size());
        OverrideRate isa = rate(rates, "isa-pd-eligible");
        assertEquals(1, isa.accepted());
        assertEquals(2, isa.overridden());
        assertEquals(Map.of("patient-declined", 2L), isa.overrideReasons());
        assertEquals(2.0 / 3, isa.rate(), 1e-9);
        OverrideRate copd = rate(rates, "copd-prophylaxis");
        assertEquals(0, copd.accepted());
        assertEquals(2, copd.overridden());
        assertEquals(Map.of(JdbcFeedbackStore.NO_REASON, 1L), rate(rates, "type-and-screen").overrideReasons());
        // Most-overridden first.
        assertEquals(1.0, rates.get(0).rate());
        assertEquals(isa, rates.get(2));
    }

    @Test
    void refusesFeedbackForCardsItNeverIssued() {
        store.recordIssued(List.of(card("c1", "r1")));
        assertFalse(store.recordFeedback(accepted("never-issued")));
        FeedbackEntry otherService = new FeedbackEntry("anti-cd38-order-check", "c1", "accepted", T0, null, null, null, List.of());
        assertFalse(store.recordFeedback(otherService));
        assertEquals(0, store.feedbackCount());
        assertEquals(List.of(), store.overrideRates());
    }

    @Test
    void refusesMalformedFeedback() {
        store.recordIssued(List.of(card("c1", "r1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.recordFeedback(new FeedbackEntry(SERVICE, "c1", "ignored", T0, null, null, null, List.of())));
        assertEquals("feedback outcome must be 'accepted' or 'overridden', got 'ignored'", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> store.recordFeedback(new FeedbackEntry(SERVICE, "c1", "overridden", T0, "x", null, null, List.of("s1"))));
        assertThrows(IllegalArgumentException.class,
                () -> store.recordFeedback(new FeedbackEntry(SERVICE, "c1", "accepted", null, null, null, null, List.of())));
        assertEquals(0, store.feedbackCount());
    }

    @Test
    void aCardUuidAlreadyRecordedIsSkippedSoARetriedCallStoresTheRest() {
        // Card uuids are derived from the request: a retried hook call issues the same cards again.
        store.recordIssued(List.of(card("c1", "r1")));
        store.recordIssued(List.of(card("c2", "r2"), card("c1", "r1")));
        assertEquals(2, store.issuedCardCount(), "c2 stored, c1 not stored twice");
        store.recordIssued(List.of(card("c2", "r2"), card("c2", "r2")));
        assertEquals(2, store.issuedCardCount(), "a uuid twice in one batch is stored once");
        assertTrue(store.recordFeedback(overridden("c1", "x")), "feedback on the retried card is taken");
    }

    @Test
    void aCardWithoutRulesTakesFeedbackButAddsNoRate() {
        store.recordIssued(List.of(card("c1"), card("c2", "r1")));
        assertTrue(store.recordFeedback(overridden("c1", "x")));
        assertTrue(store.recordFeedback(overridden("c2", "x")));
        assertEquals(List.of("r1"), store.overrideRates().stream().map(OverrideRate::ruleId).toList());
    }

    @Test
    void refusesRuleIdsItCouldNotListBack() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.recordIssued(List.of(card("c1", "R-1", "two words"))));
        assertEquals("card c1 carries a rule id that is empty or contains whitespace: 'two words'", e.getMessage());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) many.add("FLAG-LOGISTICS-TS-" + i);
        assertThrows(IllegalArgumentException.class, () -> store.recordIssued(List.of(card("c2", many.toArray(String[]::new)))));
        assertEquals(0, store.issuedCardCount());
    }

    @Test
    void keepsLongTextsAndTimestampsIntact() {
        String comment = "Patient prefers oral therapy; discussed risks ✓ ".repeat(40);
        store.recordIssued(List.of(new IssuedCard("c1", SERVICE, "hook-1", List.of("r1"), SHA, T0.plus(123, ChronoUnit.MILLIS))));
        assertTrue(store.recordFeedback(new FeedbackEntry(SERVICE, "c1", "overridden", T0, "other", "Other reason", comment, List.of())));
        assertEquals(Map.of("other", 1L), rate(store.overrideRates(), "r1").overrideReasons());
    }

    @Test
    void parallelWritersLoseNothing() throws Exception {
        int threads = 8, perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String uuid = "t" + thread + "-" + i;
                        store.recordIssued(List.of(card(uuid, "shared-rule", "rule-" + thread)));
                        assertTrue(store.recordFeedback(i % 4 == 0 ? overridden(uuid, "reason-" + (i % 3)) : accepted(uuid)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, store.issuedCardCount());
        assertEquals(threads * perThread, store.feedbackCount());
        OverrideRate shared = rate(store.overrideRates(), "shared-rule");
        assertEquals(threads * perThread / 4, shared.overridden());
        assertEquals(threads * perThread * 3 / 4, shared.accepted());
        assertEquals(threads * perThread / 4, shared.overrideReasons().values().stream().mapToLong(Long::longValue).sum());
    }
}
