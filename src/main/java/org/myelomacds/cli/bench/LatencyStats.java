package org.myelomacds.cli.bench;

import java.util.Arrays;

/**
 * Latency figures of one load level: nearest-rank percentiles (the value below which q of the requests finished,
 * never interpolated, so p99 is a latency some request actually had) and throughput over the level's wall time.
 */
record LatencyStats(int requests, int errors, double wallSeconds, long p50Nanos, long p95Nanos, long p99Nanos, long maxNanos) {

    static LatencyStats of(long[] latencyNanos, int errors, long wallNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, errors, wallNanos / 1e9, percentile(sorted, 0.50), percentile(sorted, 0.95),
                percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    /** Nearest rank: the smallest value with at least q of the samples at or below it; 0 when there are none. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        if (q <= 0) return sorted[0];
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    double throughput() {
        return wallSeconds <= 0 ? 0 : requests / wallSeconds;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
