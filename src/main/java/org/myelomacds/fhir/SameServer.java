package org.myelomacds.fhir;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A FHIR server's base URL as an origin (scheme, host, port) plus a path prefix, and the test whether a link a page of
 * results names lies under it. Paging links are the server's to give, but the bearer token travels with each one, so a
 * link to another host, port, scheme or a path outside the base ({@code /fhir/../admin}, {@code /fhir-other}) is not
 * followed.
 */
final class SameServer {
    private final String scheme;
    private final String host;
    private final int port;
    private final String pathPrefix;

    private SameServer(String scheme, String host, int port, String pathPrefix) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.pathPrefix = pathPrefix;
    }

    static SameServer of(String baseUrl) {
        URI base = parse(baseUrl);
        if (base == null || base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("fhirServer is not an absolute http(s) URL");
        }
        String path = base.getPath() == null ? "" : base.getPath();
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return new SameServer(base.getScheme().toLowerCase(Locale.ROOT), base.getHost().toLowerCase(Locale.ROOT),
                effectivePort(base), path);
    }

    /** Whether {@code link} is an absolute URL on this origin whose path is the base path or below it. */
    boolean holds(String link) {
        URI u = parse(link);
        if (u == null || !u.isAbsolute() || u.getHost() == null || u.getRawUserInfo() != null) return false;
        if (!scheme.equals(u.getScheme().toLowerCase(Locale.ROOT))) return false;
        if (!host.equals(u.getHost().toLowerCase(Locale.ROOT))) return false;
        if (port != effectivePort(u)) return false;
        String rawPath = u.getRawPath() == null ? "" : u.getRawPath();
        // Encoded dots or slashes could be decoded by the server into a path outside the base after our check.
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || rawPath.contains("\\")) return false;
        String path = u.normalize().getPath() == null ? "" : u.normalize().getPath();
        if (path.contains("/../") || path.endsWith("/..") || path.startsWith("..")) return false;
        return path.equals(pathPrefix) || path.startsWith(pathPrefix + "/")
                || (pathPrefix.isEmpty() && (path.isEmpty() || path.startsWith("/")));
    }

    /** The link's origin and path for an error message (no query string: it may carry identifiers). */
    static String describe(String link) {
        URI u = parse(link);
        if (u == null || u.getScheme() == null) return "a link that is not an absolute URL";
        return u.getScheme() + "://" + (u.getHost() == null ? "?" : u.getHost()) + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port + pathPrefix;
    }

    private static int effectivePort(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return switch (u.getScheme().toLowerCase(Locale.ROOT)) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }

    private static URI parse(String s) {
        if (s == null) return null;
        try {
            return new URI(s.trim());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
