package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.myelomacds.server.security.AuthenticatedClient;
import org.myelomacds.server.security.AuthenticationException;
import org.myelomacds.server.security.ClientAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.function.Supplier;

/**
 * What every route group does with a request before its own work: authenticate the client, read the body within
 * the size limit, parse it strictly (a key given twice is refused), and refuse what is missing or of the wrong type
 * with an OperationOutcome naming the field.
 */
final class Requests {
    private static final Logger AUDIT = LoggerFactory.getLogger("org.myelomacds.audit");

    private final ClientAuthenticator authenticator;
    private final Supplier<URI> baseUrl;
    private final long maxRequestBytes;
    /**
     * Reads request bodies as the engine reads a bundle (decimals exactly as written), so the prefetch tree goes to
     * the engine as it is instead of being written out and parsed again; a key given twice is refused.
     */
    private final ObjectMapper requestJson = RequestBodies.strictMapper();

    Requests(ClientAuthenticator authenticator, Supplier<URI> baseUrl, long maxRequestBytes) {
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** The mapper request bodies are read with (prefetch trees, fetched resources). */
    ObjectMapper json() { return requestJson; }

    AuthenticatedClient authenticate(Context ctx) {
        URI called = URI.create(baseUrl.get() + ctx.path());
        try {
            return authenticator.authenticate(ctx.header("Authorization"), called);
        } catch (AuthenticationException e) {
            // The message says which check failed; it never contains the token.
            AUDIT.info("auth-refused path={} reason={}", LogSafe.value(ctx.path()), LogSafe.value(e.getMessage()));
            ctx.header("WWW-Authenticate", "Bearer");
            throw ApiException.of(401, "login", "client authentication failed: " + e.getMessage(), "Authorization");
        }
    }

    /** Reads the body, refusing more than the configured limit even when the client sends no Content-Length. */
    byte[] readBody(Context ctx) {
        try {
            return RequestBodies.read(ctx, maxRequestBytes);
        } catch (RequestBodies.Refused e) {
            throw ApiException.of(e.status(), e.code(), e.getMessage());
        }
    }

    JsonNode readJson(Context ctx) {
        JsonNode node;
        try {
            node = RequestBodies.json(requestJson, readBody(ctx));
        } catch (RequestBodies.Refused e) {
            throw ApiException.of(e.status(), e.code(), e.getMessage());
        }
        if (!node.isObject()) throw ApiException.of(400, "structure", "request body must be a JSON object");
        return node;
    }

    /** A bundle body as a tree read strictly; what is not JSON is refused here as the reader would refuse it. */
    JsonNode readBundleTree(Context ctx) {
        try {
            return RequestBodies.json(requestJson, readBody(ctx));
        } catch (RequestBodies.Refused e) {
            throw ApiException.of(e.status(), e.status() == 400 ? "invalid" : e.code(), e.getMessage());
        }
    }

    static String requiredText(JsonNode node, String field) {
        return requiredText(node, field, field);
    }

    static String requiredText(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw ApiException.of(400, "required", where + " is required", where);
        if (!v.isTextual() || v.asText().isBlank()) throw ApiException.of(400, "value", where + " must be a non-empty string", where);
        return v.asText();
    }}
