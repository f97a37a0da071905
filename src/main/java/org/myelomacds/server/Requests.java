package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.myelomacds.server.security.AuthenticatedClient;
import org.myelomacds.server.security.AuthenticationException;
import org.myelomacds.server.security.ClientAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.net.URI;
import org.myelomacds.assessor.Assessor;
import org.myelomacds.engine.Rulebase;
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
    private final long maxBundleBytes;
    /**
     * Reads request bodies as the engine reads a bundle (decimals exactly as written), so the prefetch tree goes to
     * the engine as it is instead of being written out and parsed again; a key given twice is refused.
     */
    private final ObjectMapper requestJson = RequestBodies.strictMapper();
    /** Binds request records ({@link HookRequest}, {@link FeedbackRequest}) from their trees. */
    private final ObjectMapper records = recordMapper();
    private final HookBodyReader hookBodies = new HookBodyReader(requestJson);

    Requests(ClientAuthenticator authenticator, Supplier<URI> baseUrl, long maxRequestBytes, long maxBundleBytes) {
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
        this.maxRequestBytes = maxRequestBytes;
        this.maxBundleBytes = maxBundleBytes;
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

    /**
     * Reads the body, refusing more than the configured limit even when the client sends no Content-Length. The body
     * is parsed whole into a tree, so it is charged to the request memory budget as a tree while it arrives.
     */
    byte[] readBody(Context ctx) {
        try {
            return RequestBodies.read(ctx, maxRequestBytes, MemoryBudget.of(ctx).perTreeByte());
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

    /**
     * A CDS Hooks call read as it arrives (gzip-decoded, strict keys, within {@code maxBundleBytes}: a hook call may
     * carry a whole patient record as prefetch) and bound to its record. Prefetched entries the engine will not read
     * are reduced while reading ({@link HookBodyReader}), and the request is charged to the memory budget by what is
     * held, so memory grows with the kept facts, not with the body. {@code refusals} as for {@link #bind}.
     */
    HookRequest readHook(Context ctx, org.myelomacds.evidence.terminology.Terminology terminology,
                         java.util.Map<String, Supplier<ApiException>> refusals) {
        com.fasterxml.jackson.databind.node.ObjectNode body;
        try {
            InputStream in = RequestBodies.open(ctx, maxBundleBytes, "maxBundleBytes", n -> { });
            body = hookBodies.read(in, terminology, MemoryBudget.of(ctx).perHeldEntry());
        } catch (RequestBodies.Refused e) {
            throw ApiException.of(e.status(), e.code(), e.getMessage());
        }
        // The prefetch is bound as it was read (not copied through the binder): it can be the largest part by far.
        JsonNode prefetch = body.get("prefetch");
        if (prefetch == null || !prefetch.isObject()) return bind(body, HookRequest.class, refusals);
        body.remove("prefetch");
        java.util.Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        prefetch.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        return bind(body, HookRequest.class, refusals).withPrefetch(values);
    }

    /**
     * A bundle body read by the streaming scan as it arrives (gzip-decoded, strict keys, within
     * {@code maxBundleBytes}), charged to the request memory budget by what the scan keeps. What is not a readable
     * bundle is kept as the refusal the assessment gives; a body refused on the way (too large, not gzip, too slow)
     * is answered here.
     */
    Assessor.Prepared prepareBundle(Context ctx, Assessor assessor, Rulebase rulebase) {
        try {
            InputStream body = RequestBodies.open(ctx, maxBundleBytes, "maxBundleBytes", n -> { });
            return assessor.prepare(rulebase, body, true, MemoryBudget.of(ctx).perHeldEntry());
        } catch (RequestBodies.Refused e) {
            throw ApiException.of(e.status(), e.status() == 400 ? "invalid" : e.code(), e.getMessage());
        }
    }

    /**
     * Binds a request body to its record. A value of the wrong type is refused with the field's path (a number where
     * text belongs is not turned into text); {@code refusals} gives the wording for fields whose refusal the service
     * has always worded its own way.
     */
    <T> T bind(JsonNode body, Class<T> type, java.util.Map<String, Supplier<ApiException>> refusals) {
        try {
            return records.treeToValue(body, type);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String path = path(e.getPath());
            Supplier<ApiException> own = refusals.get(path);
            if (own != null) throw own.get();
            throw ApiException.of(400, "value", (path.isEmpty() ? "request body" : path) + " must be " + expected(e), path);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.of(400, "structure", "request body could not be read: " + e.getOriginalMessage());
        }
    }

    /** The mapper for request records: the strict one, with text never coerced from numbers or booleans. */
    private static ObjectMapper recordMapper() {
        ObjectMapper m = RequestBodies.strictMapper();
        m.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        return m;
    }

    /** "feedback[0].overrideReason.reason.code": the path as the OperationOutcome names it. */
    private static String path(java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (var r : refs) {
            if (r.getFieldName() != null) {
                if (out.length() > 0) out.append('.');
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String expected(com.fasterxml.jackson.databind.JsonMappingException e) {
        Class<?> target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
        if (target == null) return "well formed";
        if (target == String.class) return "a non-empty string";
        if (java.util.Collection.class.isAssignableFrom(target)) return "an array";
        if (Number.class.isAssignableFrom(target)) return "a number";
        return "an object";
    }

    static String requiredText(String value, String where) {
        if (value == null) throw ApiException.of(400, "required", where + " is required", where);
        if (value.isBlank()) throw ApiException.of(400, "value", where + " must be a non-empty string", where);
        return value;
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
