package org.myelomacds.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

import org.myelomacds.fhir.HeldEntries;

/**
 * Admits request bodies against a budget of heap, so that big records queue or are refused instead of running the
 * server out of memory. Before, one 41 MB record peaked at 405 MB of the 488 MiB heap and three at once ended in
 * OutOfMemoryError with an empty 500.
 * <p>
 * Every request with a body (POST, PUT) holds a {@link Lease} from before its body is read until it is answered: a
 * small fixed charge at once, then more while the body is read: for bodies parsed whole into a tree (feedback)
 * {@link #TREE_BYTES_PER_BODY_BYTE} per byte received; for bundles read by the streaming scan (REST API, review page)
 * and hook calls read by {@link HookBodyReader} (prefetch entries the engine does not read reduced as they arrive)
 * {@link #HELD_BYTES_PER_KEPT_BYTE} per byte of JSON kept (the entries the engine reads, then parsed by HAPI
 * and evaluated) and {@link #HELD_BYTES_PER_KEPT_ENTRY} per kept entry (the facts the rules then match, whose cost
 * grows with their number), so a Synthea record that is mostly claims costs what its kept facts cost, not its size,
 * and a bundle of thousands of lab results costs what its thousands of facts cost. A charge
 * that does not fit waits up to {@code maxWait} for others to finish; then it is refused ({@link Exhausted}: 503 with
 * Retry-After). When every request in flight is waiting, the last to arrive is refused at once so the others go on;
 * a request whose own charge exceeds the whole budget is refused at once too ({@link TooLarge}: 503 with Retry-After
 * and {@code too-costly}: the server's capacity, not the request's size, is what falls short).
 * <p>
 * The factors are measured, not guessed: heap retained per byte of JSON as a Jackson tree, and per byte of kept JSON
 * through HAPI parsing and evaluation, with headroom. The budget is half the heap by default: the other half holds the
 * rulebase, HAPI's model, the report store and what calls allocate and drop (README "Big records").
 */
public final class MemoryBudget {
    /**
     * Heap per byte of a body parsed whole into a tree: the tree (measured 3.7 bytes per byte on a 41 MB Synthea
     * record, retained after a full collection) plus the body's own bytes, held meanwhile, rounded up.
     */
    static final int TREE_BYTES_PER_BODY_BYTE = 5;
    /**
     * Heap per byte of JSON the streaming scan holds: the kept entries' trees (2.5), then HAPI's resources and the facts
     * (4.1), then the assessment (4.4), measured retained on the same record (6.5 MB of its 41 MB kept), with room for
     * what the evaluation allocates on the way.
     */
    static final int HELD_BYTES_PER_KEPT_BYTE = 6;
    /**
     * Heap per entry the engine reads, on top of its bytes: each becomes a fact the rules match, and the rule engine's
     * memory for it (its handle, its place in every join and "not" of the rules on its type) does not shrink with its
     * JSON. Measured on Observation-dense bundles (creatinine and eGFR results, ~420 bytes of JSON each): the least
     * heap an evaluation runs in grows by ~4.1 KB per result, where 6 bytes per byte charge ~2.5 KB; this charge brings
     * a result to ~6.6 KB, the measured cost with room (README "Big records").
     */
    static final int HELD_BYTES_PER_KEPT_ENTRY = 4 * 1024;
    /** What any body-carrying request costs before its body counts: buffers, the evaluation's working set. */
    static final long BASE_CHARGE_BYTES = 2L * 1024 * 1024;
    private static final String LEASE = MemoryBudget.class.getName() + ".lease";
    private static final Lease FREE = new MemoryBudget(BASE_CHARGE_BYTES, Duration.ZERO).new Lease() {
        @Override public void charge(long bytes) { }
    };

    private final long budget;
    private final Duration maxWait;
    private long inUse;
    private long peakInUse;
    private long refused;
    /** Leases not yet closed, and those of them waiting for room, by arrival. */
    private int open;
    private long arrivals;
    private final java.util.TreeSet<Long> waiters = new java.util.TreeSet<>();

    public MemoryBudget(long budgetBytes, Duration maxWait) {
        if (budgetBytes < BASE_CHARGE_BYTES) {
            throw new IllegalArgumentException("the request memory budget of " + budgetBytes + " bytes is below one request's base charge");
        }
        this.budget = budgetBytes;
        this.maxWait = maxWait;
    }

    /** Half the heap the JVM may use: the rest holds the rulebase, HAPI's model, the report store and the collector's slack. */
    public static long defaultBudgetBytes() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    void install(Javalin app) {
        app.before(ctx -> {
            if (ctx.method() != HandlerType.POST && ctx.method() != HandlerType.PUT) return;
            Lease lease = new Lease();
            lease.charge(BASE_CHARGE_BYTES);
            ctx.attribute(LEASE, lease);
        });
        // After-handlers run after the route and its exception handler: a refused or failed request frees its charge too.
        app.after(ctx -> {
            Lease lease = ctx.attribute(LEASE);
            if (lease != null) {
                ctx.attribute(LEASE, null);
                lease.close();
            }
        });
    }

    /** The lease of this request; one that charges nothing when the request holds none (a test calling a route directly). */
    public static Lease of(Context ctx) {
        Lease lease = ctx.attribute(LEASE);
        return lease == null ? FREE : lease;
    }

    /** What one request holds of the budget; closed when it is answered. */
    public class Lease implements AutoCloseable {
        private final long arrival;
        private long held;
        private boolean closed;

        public Lease() {
            synchronized (MemoryBudget.this) {
                arrival = arrivals++;
                open++;
            }
        }

        /** Takes {@code bytes} more of the budget, waiting for room up to the budget's wait limit. */
        public void charge(long bytes) {
            if (bytes <= 0) return;
            synchronized (MemoryBudget.this) {
                if (closed) return;
                if (held + bytes > budget) {
                    refused++;
                    throw new TooLarge("this record keeps more data the engine reads than the server's whole request memory "
                            + "budget of " + (budget >> 20) + " MiB can hold (requestMemoryBudgetMiB, with the heap): the server "
                            + "cannot assess it as configured; its size is within the limit, so this is the server's capacity, "
                            + "not a fault of the request", retryAfterSeconds());
                }
                if (inUse + bytes > budget) waitForRoom(bytes);
                inUse += bytes;
                held += bytes;
                peakInUse = Math.max(peakInUse, inUse);
            }
        }

        /**
         * Waits until {@code bytes} fit, in arrival order of the requests: when every request in flight is waiting for
         * room, none will give any back, so the one that came last gives way at once (503) instead of all of them
         * waiting out the limit together and all being refused.
         */
        private void waitForRoom(long bytes) {
            long deadline = System.nanoTime() + maxWait.toNanos();
            waiters.add(arrival);
            MemoryBudget.this.notifyAll(); // the others look again: are all of us waiting now?
            try {
                while (inUse + bytes > budget) {
                    if (waiters.size() >= open && waiters.last() == arrival) {
                        refused++;
                        throw new Exhausted("the server's request memory budget (" + (budget >> 20) + " MiB) is taken by "
                                + "requests in flight that all wait for more, and this one came last; retry shortly", retryAfterSeconds());
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        refused++;
                        throw new Exhausted("the server's request memory budget (" + (budget >> 20) + " MiB) is taken by requests"
                                + " in flight and this request waited " + maxWait.toSeconds() + " s for room; retry shortly",
                                retryAfterSeconds());
                    }
                    MemoryBudget.this.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                refused++;
                throw new Exhausted("interrupted while waiting for request memory", retryAfterSeconds());
            } finally {
                waiters.remove(arrival);
            }
        }

        /** Charges {@code factor} bytes per byte reported: hand it to what reads the body. */
        public LongConsumer per(int factor) {
            return n -> charge(n * factor);
        }

        /**
         * Charging for a bundle or hook call read by a streaming reader: per byte of JSON it keeps, and per entry the
         * engine reads.
         */
        public HeldEntries perHeldEntry() {
            return (bytes, keptEntry) -> charge(heldCharge(bytes, keptEntry));
        }

        /** Charging for a body parsed whole into a tree: per byte received. */
        public LongConsumer perTreeByte() {
            return per(TREE_BYTES_PER_BODY_BYTE);
        }

        @Override
        public void close() {
            synchronized (MemoryBudget.this) {
                if (closed) return;
                closed = true;
                open--;
                inUse -= held;
                held = 0;
                MemoryBudget.this.notifyAll();
            }
        }
    }

    /** What a streaming reader's held value costs: its bytes, and for an entry the engine reads, the entry itself. */
    static long heldCharge(long bytes, boolean keptEntry) {
        return Math.max(0, bytes) * HELD_BYTES_PER_KEPT_BYTE + (keptEntry ? HELD_BYTES_PER_KEPT_ENTRY : 0);
    }

    private long retryAfterSeconds() {
        return Math.max(1, Math.min(30, maxWait.toSeconds()));
    }

    /** For /health: the budget, what requests in flight hold of it, the most they ever held, and refusals. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("budgetBytes", budget);
        d.put("inUseBytes", inUse);
        d.put("peakInUseBytes", peakInUse);
        d.put("waiting", waiters.size());
        d.put("refused", refused);
        d.put("maxWaitSeconds", maxWait.toSeconds());
        return d;
    }

    /** No room within the wait limit: answered 503 with Retry-After. */
    public static final class Exhausted extends RuntimeException {
        private final long retryAfterSeconds;

        Exhausted(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() { return retryAfterSeconds; }
    }

    /**
     * One request alone would need more than the whole budget: answered 503 with Retry-After ({@code too-costly}),
     * not 413. Its body is within the size limit, so the request is not at fault: the server's memory is (a bigger
     * budget and heap would take it), and no body under the documented limit is told it is too large.
     */
    public static final class TooLarge extends RuntimeException {
        private final long retryAfterSeconds;

        TooLarge(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() { return retryAfterSeconds; }
    }
}
