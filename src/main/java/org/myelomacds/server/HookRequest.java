package org.myelomacds.server;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A CDS Hooks call as the EHR sends it (CDS Hooks 2.0 "HTTP Request"), bound by Jackson from the body. Fields the
 * specification fixes are typed; {@code context} stays a JSON object because each hook defines its own fields
 * ({@code patientId}, {@code draftOrders}, {@code selections}…), and prefetch values are FHIR resources read by the
 * engine as JSON. Fields this service does not know ({@code extension}, later versions' additions) are ignored, as the
 * specification asks of a service. {@link #validated()} refuses what is missing or malformed with the field's name.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HookRequest(String hook, String hookInstance, String fhirServer, FhirAuthorization fhirAuthorization,
                   JsonNode context, Map<String, JsonNode> prefetch) {

    /** A hookInstance is a UUID (CDS Hooks 2.0); anything else is refused before it can reach a log line. */
    private static final java.util.regex.Pattern UUID_LIKE =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The EHR's token for its FHIR server (CDS Hooks 2.0 "fhirAuthorization"), used only to fetch missing prefetch. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FhirAuthorization(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                             @JsonProperty("expires_in") Long expiresIn, String scope, String subject, String patient) {

        /** The bearer token; 400 naming the field when it is absent or not a bearer token. */
        String bearerToken() {
            if (accessToken == null || accessToken.isEmpty()) {
                throw ApiException.of(400, "required", "fhirAuthorization.access_token is required when fhirAuthorization is given",
                        "fhirAuthorization.access_token");
            }
            if (tokenType != null && !"bearer".equalsIgnoreCase(tokenType)) {
                throw ApiException.of(400, "value", "fhirAuthorization.token_type must be Bearer", "fhirAuthorization.token_type");
            }
            return accessToken;
        }
    }

    /** This request when its required fields are present and well formed; else the first refusal, naming the field. */
    HookRequest validated() {
        String instance = Requests.requiredText(hookInstance, "hookInstance");
        if (!UUID_LIKE.matcher(instance).matches()) {
            throw ApiException.of(400, "value", "hookInstance must be a UUID (e.g. d1577c69-dfbe-44ad-ba6d-3e05e953b2ea)", "hookInstance");
        }
        Requests.requiredText(hook, "hook");
        if (context == null || !context.isObject()) throw ApiException.of(400, "required", "context is required and must be an object", "context");
        patientId();
        return this;
    }

    /** context.patientId, required by every hook this service answers. */
    String patientId() {
        return Requests.requiredText(context, "patientId", "context.patientId");
    }

    /** This request with the prefetch read apart from the rest of the body. */
    HookRequest withPrefetch(Map<String, JsonNode> values) {
        return new HookRequest(hook, hookInstance, fhirServer, fhirAuthorization, context, values);
    }

    /** The prefetch the client sent, key by key (absent: none). */
    Map<String, JsonNode> prefetchOrNone() {
        return prefetch == null ? Map.of() : prefetch;
    }
}
