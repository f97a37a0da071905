package org.myelomacds.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for browser clients (the CDS Hooks sandbox, SMART apps). A request whose {@code Origin} is neither listed in
 * {@code corsOrigins} nor this server's own origin is refused with 403 before anything else happens: no body read, no
 * token checked (so no {@code jti} spent), no evaluation — the browser would hide the answer from the page anyway, and
 * a server that has done the work and then withholds it has only wasted it. Requests without {@code Origin} (EHR
 * back ends, curl) are not browser requests and pass untouched.
 */
final class CorsPolicy {
    private static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Content-Encoding";
    private static final String EXPOSED_HEADERS = "Retry-After, WWW-Authenticate";

    private final boolean anyOrigin;
    private final Set<String> origins;

    CorsPolicy(List<String> corsOrigins) {
        this.anyOrigin = corsOrigins.contains("*");
        this.origins = corsOrigins.stream().map(CorsPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    void apply(Context ctx, URI publicBase) {
        String origin = ctx.header("Origin");
        if (origin == null) return;
        boolean sameOrigin = sameOrigin(origin, publicBase, ctx.header("Host"));
        if (!anyOrigin && !sameOrigin && !origins.contains(normalise(origin))) {
            throw ApiException.of(403, "forbidden", "requests from origin " + LogSafe.value(origin)
                    + " are not allowed (corsOrigins); nothing was processed", "Origin");
        }
        if (sameOrigin && !anyOrigin) return;
        ctx.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        if (!anyOrigin) ctx.header("Vary", "Origin");
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }

    /** The page's origin is ours: by the URL clients know us by, or by the Host the browser addressed. */
    private static boolean sameOrigin(String origin, URI publicBase, String host) {
        String o = normalise(origin);
        if (publicBase != null && o.equals(normalise(publicBase.getScheme() + "://" + publicBase.getRawAuthority()))) return true;
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        return o.equals("http://" + h) || o.equals("https://" + h);
    }

    private static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        while (o.endsWith("/")) o = o.substring(0, o.length() - 1);
        if (o.startsWith("http://") && o.endsWith(":80")) o = o.substring(0, o.length() - 3);
        if (o.startsWith("https://") && o.endsWith(":443")) o = o.substring(0, o.length() - 4);
        return o;
    }
}
