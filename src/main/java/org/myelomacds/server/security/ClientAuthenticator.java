package org.myelomacds.server.security;

import java.net.URI;

/**
 * Decides whether a CDS Hooks request comes from a client we trust (CDS Hooks 2.0, "Trusting CDS Clients").
 * The HTTP layer calls it once per request with the raw Authorization header and the URL of the service being
 * called, which the token's {@code aud} must equal.
 */
public interface ClientAuthenticator {

    AuthenticatedClient authenticate(String authorizationHeader, URI serviceUrl) throws AuthenticationException;

    /** Development mode ({@code serve --dev}): every request is let through, unauthenticated. */
    static ClientAuthenticator disabled() {
        return (header, url) -> AuthenticatedClient.UNAUTHENTICATED;
    }
}
