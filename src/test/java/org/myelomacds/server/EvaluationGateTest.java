package org.myelomacds.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationGateTest {
    /** One thread per call: the calls block on purpose, which would starve a small shared pool. */
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() { threads.shutdownNow(); }

    @Test
    void refusesACallThatCannotStartWithinTheWaitLimit() throws Exception {
        EvaluationGate gate = new EvaluationGate(1, Duration.ZERO);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            running.countDown();
            await(finish);
            return "first";
        }), threads);
        assertTrue(running.await(30, TimeUnit.SECONDS));
        EvaluationGate.AtCapacity refused = assertThrows(EvaluationGate.AtCapacity.class, () -> gate.run(() -> "second"));
        assertTrue(refused.getMessage().contains("1 evaluation(s) running"), refused.getMessage());
        assertEquals(1, gate.describe().get("running"));
        finish.countDown();
        assertEquals("first", first.get(30, TimeUnit.SECONDS));
        assertEquals("third", gate.run(() -> "third"), "the slot is free again once the first call is done");
        assertEquals(0, gate.describe().get("running"));
    }

    @Test
    void waitingCallsStartInArrivalOrderAsSlotsFree() throws Exception {
        EvaluationGate gate = new EvaluationGate(1, Duration.ofSeconds(60));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> gate.run(() -> {
            holding.countDown();
            await(release);
            return null;
        }), threads);
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> waiters = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            waiters.add(CompletableFuture.runAsync(() -> gate.run(() -> order.add(n)), threads));
            // Each waiter is queued before the next one arrives, so arrival order is known.
            waitUntil(() -> (int) gate.describe().get("waiting") == n + 1);
        }
        assertEquals(List.of(), order, "nobody starts while the only slot is taken");
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Void> w : waiters) w.get(30, TimeUnit.SECONDS);
        assertEquals(List.of(0, 1, 2), order);
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new EvaluationGate(0, Duration.ofSeconds(1)));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("test latch never released");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a condition the test is sure to reach; fails after 30 s instead of hanging. */
    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached within 30 s");
            Thread.sleep(5);
        }
    }
}
