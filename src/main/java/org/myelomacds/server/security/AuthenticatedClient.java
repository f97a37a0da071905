package org.myelomacds.server.security;

import java.time.Instant;

/** Who called, as read from a verified JWT. Never logged beyond issuer and jti (no tokens, no patient data). */
public record AuthenticatedClient(String issuer, String subject, String jti, Instant expiresAt) {
    public static final AuthenticatedClient UNAUTHENTICATED = new AuthenticatedClient("(development mode)", null, null, null);
}
