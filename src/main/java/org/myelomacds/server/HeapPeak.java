package org.myelomacds.server;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The most heap ever in use at one moment. The heap is fullest just before a collection, so each collection reports
 * its before-GC usage (one consistent snapshot of every pool). Summing the pools' own peaks instead overstates it:
 * eden, survivor and old generation peak at different times, and their sum can exceed the heap's maximum.
 */
final class HeapPeak {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    HeapPeak() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    record(used(info.getGcInfo().getMemoryUsageBeforeGc()));
                    collections.incrementAndGet();
                }, null, null);
            }
        }
    }

    /** The peak so far, counting the heap in use right now. */
    long bytes() {
        record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        return peak.get();
    }

    /** Collections reported so far (for tests). */
    long collectionsSeen() { return collections.get(); }

    private long used(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) if (heapPools.contains(e.getKey())) sum += e.getValue().getUsed();
        return sum;
    }

    private void record(long used) {
        peak.accumulateAndGet(used, Math::max);
    }
}
