package org.myelomacds.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryBudgetTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aChargeThatDoesNotFitWaitsAndIsRefusedWhenNoRoomComesInTime() {
        MemoryBudget budget = new MemoryBudget(16 * MIB, Duration.ofMillis(200));
        MemoryBudget.Lease first = budget.new Lease();
        first.charge(10 * MIB);
        MemoryBudget.Lease second = budget.new Lease();
        second.charge(6 * MIB); // exactly fills the budget
        MemoryBudget.Exhausted e = assertThrows(MemoryBudget.Exhausted.class, () -> second.charge(1));
        assertTrue(e.retryAfterSeconds() >= 1);
        assertTrue(e.getMessage().contains("16 MiB"), e.getMessage());
        assertEquals(1L, budget.describe().get("refused"));
        first.close();
        second.charge(MIB); // room again
        assertEquals(7 * MIB, budget.describe().get("inUseBytes"));
        second.close();
        assertEquals(0L, budget.describe().get("inUseBytes"));
        assertEquals(16 * MIB, budget.describe().get("peakInUseBytes"));
    }

    @Test
    void aWaitingChargeGoesAheadWhenAnotherRequestIsAnswered() throws Exception {
        MemoryBudget budget = new MemoryBudget(16 * MIB, Duration.ofSeconds(20));
        MemoryBudget.Lease first = budget.new Lease();
        first.charge(12 * MIB);
        MemoryBudget.Lease second = budget.new Lease();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> second.charge(8 * MIB));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Integer.valueOf(1).equals(budget.describe().get("waiting")) && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(1, budget.describe().get("waiting"));
        assertFalse(waiting.isDone());
        first.close();
        waiting.get(10, TimeUnit.SECONDS);
        assertEquals(8 * MIB, budget.describe().get("inUseBytes"));
        second.close();
        second.close(); // closing twice gives back nothing twice
        assertEquals(0L, budget.describe().get("inUseBytes"));
    }

    @Test
    void whenEveryRequestWaitsForRoomTheLastToArriveGivesWayAtOnce() throws Exception {
        MemoryBudget budget = new MemoryBudget(16 * MIB, Duration.ofSeconds(30));
        MemoryBudget.Lease first = budget.new Lease();
        MemoryBudget.Lease second = budget.new Lease();
        first.charge(8 * MIB);
        second.charge(8 * MIB);
        CompletableFuture<Void> firstWaits = CompletableFuture.runAsync(() -> first.charge(4 * MIB));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Integer.valueOf(1).equals(budget.describe().get("waiting")) && System.nanoTime() < deadline) Thread.sleep(10);
        long t0 = System.nanoTime();
        MemoryBudget.Exhausted e = assertThrows(MemoryBudget.Exhausted.class, () -> second.charge(4 * MIB));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "refused without waiting out the 30 s limit");
        assertTrue(e.getMessage().contains("came last"), e.getMessage());
        assertFalse(firstWaits.isDone(), "the first still waits: the second has not given its share back yet");
        second.close(); // its request is answered 503
        firstWaits.get(10, TimeUnit.SECONDS);
        assertEquals(12 * MIB, budget.describe().get("inUseBytes"));
        first.close();
    }

    @Test
    void oneRequestNeedingMoreThanTheWholeBudgetIsRefusedAtOnce() {
        MemoryBudget budget = new MemoryBudget(16 * MIB, Duration.ofSeconds(30));
        MemoryBudget.Lease lease = budget.new Lease();
        lease.charge(10 * MIB);
        long t0 = System.nanoTime();
        MemoryBudget.TooLarge e = assertThrows(MemoryBudget.TooLarge.class, () -> lease.per(MemoryBudget.HELD_BYTES_PER_KEPT_BYTE).accept(2 * MIB));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "no waiting for room that can never come");
        assertTrue(e.getMessage().contains("requestMemoryBudgetMiB"), e.getMessage());
        lease.close();
        assertEquals(0L, budget.describe().get("inUseBytes"));
    }

    @Test
    void aKeptEntryIsChargedForItselfAndItsBytesAReducedOneForItsBytesOnly() {
        assertEquals(400L * MemoryBudget.HELD_BYTES_PER_KEPT_BYTE + MemoryBudget.HELD_BYTES_PER_KEPT_ENTRY,
                MemoryBudget.heldCharge(400, true));
        assertEquals(160L * MemoryBudget.HELD_BYTES_PER_KEPT_BYTE, MemoryBudget.heldCharge(160, false));
        // An Observation-dense record: 5,800 results of ~420 bytes. The least heap an evaluation of it ran in grew by
        // ~23 MiB over the sample's (README "Big records"); the charge must not be below that.
        MemoryBudget budget = new MemoryBudget(256 * MIB, Duration.ofSeconds(1));
        MemoryBudget.Lease dense = budget.new Lease();
        for (int i = 0; i < 5_800; i++) dense.perHeldEntry().held(420, true);
        assertTrue((long) budget.describe().get("inUseBytes") >= 23 * MIB, budget.describe().toString());
        dense.close();
        // The same bytes reduced (entries the engine does not read) cost their remainder only.
        MemoryBudget.Lease reduced = budget.new Lease();
        for (int i = 0; i < 5_800; i++) reduced.perHeldEntry().held(160, false);
        assertTrue((long) budget.describe().get("inUseBytes") < 6 * MIB, budget.describe().toString());
        reduced.close();
    }
}
