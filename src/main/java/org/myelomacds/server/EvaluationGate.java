package org.myelomacds.server;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Admits at most N evaluations at once, the rest wait in arrival order. Evaluation is CPU-bound: with more calls in
 * flight than cores, every call slows down together and each young collection pauses all of them, so the slowest calls
 * take several times the median. Served first come first served, each call waits its turn and then runs at full speed.
 * A call that cannot start within the wait limit is refused ({@link AtCapacity}, answered 503) rather than left to time
 * out in the client. One gate serves the hooks, the REST API and the case-review page.
 */
public final class EvaluationGate {
    private final Semaphore permits;
    private final int limit;
    private final Duration maxWait;

    public EvaluationGate(int limit, Duration maxWait) {
        if (limit < 1) throw new IllegalArgumentException("maxConcurrentEvaluations must be at least 1, not " + limit);
        this.limit = limit;
        this.maxWait = maxWait;
        this.permits = new Semaphore(limit, true);
    }

    public int limit() { return limit; }

    public <T> T run(Supplier<T> work) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!admitted) throw busy();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** For /health: the limit, the evaluations running and the calls waiting for a turn right now. */
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("maxConcurrent", limit);
        d.put("running", limit - permits.availablePermits());
        d.put("waiting", permits.getQueueLength());
        d.put("maxWaitSeconds", maxWait.toSeconds());
        return d;
    }

    private AtCapacity busy() {
        return new AtCapacity("the service is at capacity: " + limit + " evaluation(s) running and this call waited "
                + maxWait.toSeconds() + " s for its turn; retry shortly");
    }

    /** The call was not admitted in time; the HTTP layers answer 503 with Retry-After. */
    public static final class AtCapacity extends RuntimeException {
        public AtCapacity(String message) { super(message, null, false, false); }
    }
}
