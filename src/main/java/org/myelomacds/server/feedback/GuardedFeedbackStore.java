package org.myelomacds.server.feedback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The feedback store as the server uses it, with what happens when the database is down made explicit.
 * <ul>
 * <li>Issued cards are written before the hook call is answered (so later feedback on them always finds them). When the
 *     database fails, the cards still go to the clinician and their records wait in a bounded in-memory queue, written
 *     in order as soon as the database answers again; beyond {@link #maxPending} records are refused with an error in
 *     the log and counted in {@link #describe()}: never dropped silently.</li>
 * <li>Feedback and override rates fail fast with {@link Unavailable} (the server answers 503 with Retry-After) while
 *     the database is known to be down, instead of each call waiting out a connection timeout.</li>
 * <li>A probe checks the database every {@code probeInterval} while it is down (and flushes the queue when it is back);
 *     {@link #describe()} reports its status and last error for /health.</li>
 * </ul>
 */
public final class GuardedFeedbackStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedFeedbackStore.class);

    /** The database cannot be used now; retry after {@link #retryAfterSeconds()}. */
    public static final class Unavailable extends RuntimeException {
        private final long retryAfterSeconds;

        Unavailable(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() { return retryAfterSeconds; }
    }

    private final FeedbackStore store;
    private final Clock clock;
    private final int maxPending;
    private final Duration probeInterval;
    private final ArrayDeque<List<IssuedCard>> pending = new ArrayDeque<>();
    private int pendingCards;
    private long rejectedCards;
    private volatile boolean up = true;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant downSince;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feedback-db-probe");
        t.setDaemon(true);
        return t;
    });

    public GuardedFeedbackStore(FeedbackStore store, Clock clock, int maxPending, Duration probeInterval) {
        this.store = store;
        this.clock = clock;
        this.maxPending = maxPending;
        this.probeInterval = probeInterval;
        prober.scheduleWithFixedDelay(this::probe, probeInterval.toMillis(), probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records cards durably, or queues them while the database is down; never throws. */
    public void recordIssued(List<IssuedCard> cards) {
        if (cards.isEmpty()) return;
        synchronized (this) {
            if (!up || !pending.isEmpty()) {
                // Keep the order: these wait behind the ones already queued.
                enqueue(cards);
                return;
            }
        }
        try {
            store.recordIssued(cards);
        } catch (RuntimeException e) {
            failed(e);
            synchronized (this) {
                enqueue(cards);
            }
        }
    }

    private void enqueue(List<IssuedCard> cards) {
        if (pendingCards + cards.size() > maxPending) {
            rejectedCards += cards.size();
            LOG.error("feedback database down and {} issued-card record(s) already waiting: {} record(s) of hookInstance {} refused; "
                    + "feedback on those cards will be answered 404", pendingCards, cards.size(), cards.get(0).hookInstance());
            return;
        }
        pending.addLast(List.copyOf(cards));
        pendingCards += cards.size();
    }

    /** Stores one feedback item (false: card unknown); {@link Unavailable} while the database cannot be used. */
    public boolean recordFeedback(FeedbackEntry entry) {
        return guarded(() -> {
            flushPending();
            return store.recordFeedback(entry);
        });
    }

    public List<OverrideRate> overrideRates() {
        return guarded(store::overrideRates);
    }

    private <T> T guarded(java.util.function.Supplier<T> call) {
        if (!up) throw unavailable();
        try {
            T result = call.get();
            recovered();
            return result;
        } catch (FeedbackStoreException e) {
            failed(e);
            throw unavailable();
        }
    }

    private Unavailable unavailable() {
        return new Unavailable("the feedback database is unavailable (" + lastError + "); nothing was stored, try again later",
                Math.max(1, probeInterval.toSeconds()));
    }

    /** Writes the queued records in order; stops at the first failure (they stay queued). */
    private void flushPending() {
        while (true) {
            List<IssuedCard> next;
            synchronized (this) {
                next = pending.peekFirst();
            }
            if (next == null) return;
            store.recordIssued(next);
            synchronized (this) {
                pending.pollFirst();
                pendingCards -= next.size();
            }
        }
    }

    /** While down: is the database back? Then write what waited. */
    public void probe() {
        boolean hasPending;
        synchronized (this) {
            hasPending = !pending.isEmpty();
        }
        if (up && !hasPending) return;
        try {
            store.ping();
            flushPending();
            recovered();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        lastErrorAt = clock.instant();
        if (up) {
            downSince = lastErrorAt;
            LOG.error("feedback database unavailable: {}", lastError);
        }
        up = false;
    }

    private void recovered() {
        if (!up) LOG.info("feedback database available again (down since {})", downSince);
        up = true;
        downSince = null;
    }

    public boolean isUp() { return up; }

    /** For /health: status, the last error and when, records waiting and refused. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", up ? "UP" : "DOWN");
        if (downSince != null) m.put("downSince", downSince.toString());
        if (lastError != null) {
            m.put("lastError", lastError);
            m.put("lastErrorAt", lastErrorAt.toString());
        }
        m.put("issuedCardsWaiting", pendingCards);
        m.put("issuedCardsWaitingLimit", maxPending);
        m.put("issuedCardsRefused", rejectedCards);
        return m;
    }

    /** Tries once more to write what waits (at shutdown). */
    @Override
    public void close() {
        prober.shutdownNow();
        try {
            flushPending();
        } catch (RuntimeException e) {
            synchronized (this) {
                if (pendingCards > 0) LOG.error("{} issued-card record(s) not written at shutdown: {}", pendingCards, e.getMessage());
            }
        }
    }

    List<List<IssuedCard>> pendingForTests() {
        synchronized (this) {
            return new ArrayList<>(pending);
        }
    }
}
