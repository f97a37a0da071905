package org.myelomacds.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapPeakTest {
    @Test
    void thePeakIsASnapshotOfTheWholeHeapSoItNeverExceedsTheMaximum() throws Exception {
        HeapPeak peak = new HeapPeak();
        List<byte[]> held = new ArrayList<>();
        long seen = peak.collectionsSeen();
        // Churn until collections have been reported: eden fills and empties while old data stays, which is when a
        // sum of the pools' separate peaks runs ahead of any moment's real usage.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (peak.collectionsSeen() < seen + 3 && System.nanoTime() < deadline) {
            for (int i = 0; i < 1_000; i++) held.add(new byte[1024]);
            if (held.size() > 20_000) held.subList(0, 10_000).clear();
            System.gc();
            Thread.sleep(1);
        }
        assertTrue(peak.collectionsSeen() >= seen + 3, "collections were reported");
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long bytes = peak.bytes();
        assertTrue(bytes > 0 && bytes >= used - 1024 * 1024, "at least what is in use now: " + bytes + " vs " + used);
        assertTrue(bytes <= Runtime.getRuntime().maxMemory(), bytes + " above the maximum heap " + Runtime.getRuntime().maxMemory());
        java.lang.ref.Reference.reachabilityFence(held);
    }

    /** A peak is a high point that may be gone: 64 MiB held through a collection, then freed, must still count. */
    @Test
    void thePeakRemembersAHighPointThatIsNoLongerInUse() throws Exception {
        HeapPeak peak = new HeapPeak();
        long block = 64L << 20;
        byte[][] held = new byte[64][];
        for (int i = 0; i < held.length; i++) held[i] = new byte[1 << 20];
        long seen = peak.collectionsSeen();
        System.gc();
        awaitCollections(peak, seen + 1);
        java.lang.ref.Reference.reachabilityFence(held);
        held = null;
        seen = peak.collectionsSeen();
        System.gc();
        awaitCollections(peak, seen + 1);
        long usedNow = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long bytes = peak.bytes();
        assertTrue(bytes >= block, "the peak (" + bytes + ") counts the freed 64 MiB");
        assertTrue(bytes >= usedNow + block / 2, "the peak (" + bytes + ") is above what is in use now (" + usedNow + ")");
    }

    /** Collection notifications arrive on another thread, a little after the collection. */
    private static void awaitCollections(HeapPeak peak, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (peak.collectionsSeen() < atLeast && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(peak.collectionsSeen() >= atLeast, "collections were reported");
    }
}
