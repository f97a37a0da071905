package org.myelomacds.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Keeps server threads free for /health, discovery and the CDS hooks while clients send request bodies slowly.
 * <p>
 * Jetty reads a request body on the thread that handles the request, so a client trickling its body holds a thread
 * until the idle timeout or the minimum data rate cuts it off. With 300 such clients every thread of the pool was
 * taken and /health did not answer for ~20 s. A request that sends a body (POST, PUT) therefore needs a slot first:
 * hook calls have slots of their own, every other body-carrying route (assessment API, feedback, review page) shares
 * another set, and the threads beyond both are left to requests without a body. A request that finds no free slot is
 * answered 503 with Retry-After at once, before a byte of its body is read.
 */
final class ReceivingSlots {
    /** Jetty's pool for this server (Javalin's default size, stated here because the slots are sized against it). */
    static final int THREADS = 250;
    static final int HOOK_SLOTS = 100;
    static final int OTHER_SLOTS = 100;
    private static final String HELD = ReceivingSlots.class.getName() + ".held";

    /** No slot free: the server is busy receiving other bodies. */
    static final class Full extends RuntimeException {
        Full(String message) {
            super(message, null, false, false);
        }
    }

    private final Semaphore hooks = new Semaphore(HOOK_SLOTS);
    private final Semaphore others = new Semaphore(OTHER_SLOTS);

    void install(Javalin app) {
        app.before(this::acquire);
        // After-handlers run after the route and after any exception handler, so a refused or failed request frees its slot.
        app.after(this::release);
    }

    private void acquire(Context ctx) {
        if (ctx.method() != HandlerType.POST && ctx.method() != HandlerType.PUT) return;
        boolean hook = isHook(ctx.path());
        Semaphore slots = hook ? hooks : others;
        if (!slots.tryAcquire()) {
            throw new Full("the server is receiving " + (hook ? HOOK_SLOTS + " hook calls" : OTHER_SLOTS + " request bodies")
                    + " at once; try again shortly");
        }
        ctx.attribute(HELD, slots);
    }

    private void release(Context ctx) {
        Semaphore held = ctx.attribute(HELD);
        if (held != null) {
            ctx.attribute(HELD, null);
            held.release();
        }
    }

    /** A hook call is POST /cds-services/{id}; its feedback route is not a hook call. */
    static boolean isHook(String path) {
        return path.startsWith("/cds-services/") && !path.endsWith("/feedback");
    }

    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("threads", THREADS);
        d.put("hookSlots", HOOK_SLOTS);
        d.put("hookSlotsInUse", HOOK_SLOTS - hooks.availablePermits());
        d.put("otherBodySlots", OTHER_SLOTS);
        d.put("otherBodySlotsInUse", OTHER_SLOTS - others.availablePermits());
        return d;
    }
}
