package org.myelomacds.server.security;

import java.net.URI;
import java.util.List;

/**
 * One CDS client we trust (CDS Hooks 2.0, "Trusting CDS Clients"): the exact {@code iss} its tokens carry and the
 * JWK Set URLs its keys may come from. A token's {@code jku} header is honoured only when it is one of these URLs;
 * without {@code jku} the keys are looked up at these URLs, in order. Held by the server configuration.
 */
public record TrustedIssuer(String issuer, List<URI> jwksUrls) {
    public TrustedIssuer {
        if (issuer == null || issuer.isBlank()) throw new IllegalArgumentException("a trusted issuer needs a non-blank issuer (iss)");
        if (jwksUrls == null || jwksUrls.isEmpty()) {
            throw new IllegalArgumentException("trusted issuer " + issuer + " needs at least one JWKS URL");
        }
        jwksUrls = List.copyOf(jwksUrls);
        for (URI u : jwksUrls) {
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("trusted issuer " + issuer + ": JWKS URL " + u + " is not an http(s) URL");
            }
        }
    }

    public static TrustedIssuer of(String issuer, String... jwksUrls) {
        return new TrustedIssuer(issuer, java.util.Arrays.stream(jwksUrls).map(URI::create).toList());
    }
}
