package org.myelomacds.server.security;

/** A request whose token was missing or failed verification; the message says which check failed, never the token. */
public final class AuthenticationException extends Exception {
    public AuthenticationException(String message) { super(message); }
    public AuthenticationException(String message, Throwable cause) { super(message, cause); }
}
