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
        assertTrue(held.size() > 0);
    }
}
