package org.myelomacds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myelomacds.server.security.JwtClientAuthenticator;
import org.myelomacds.server.security.TrustedIssuer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.server.CdsServerTest.HTTP;
import static org.myelomacds.server.CdsServerTest.JSON;

/**
 * Client JWT verification at the HTTP level (CDS Hooks 2.0 "Trusting CDS Clients"): the server with the real
 * JwtClientAuthenticator, the client's JWK Set served on loopback, tokens signed per test.
 */
class CdsServerSecurityTest {
    static final String ISS = "https://ehr.example.org";
    static RSAKey key;
    static RSAKey stranger;
    static Javalin jwks;
    static CdsServer server;
    static InMemoryFeedbackStore feedback = new InMemoryFeedbackStore();

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("ehr-key-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("not-published").generate();
        String set = new JWKSet(key.toPublicJWK()).toString(true);
        jwks = Javalin.create(c -> c.showJavalinBanner = false).get("/jwks.json", ctx -> ctx.contentType("application/json").result(set))
                .start("127.0.0.1", 0);
        JwtClientAuthenticator auth = new JwtClientAuthenticator(List.of(TrustedIssuer.of(ISS, "http://127.0.0.1:" + jwks.port() + "/jwks.json")));
        server = CdsServerTest.startServer(ServerConfig.defaults(), auth, feedback);
    }

    @AfterAll
    static void stop() {
        server.close();
        jwks.stop();
    }

    static String serviceUrl() { return server.baseUrl() + "/cds-services/myeloma-anti-cd38"; }

    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISS).subject("ehr-client").audience(serviceUrl())
                .issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(240)))
                .jwtID(UUID.randomUUID().toString());
    }

    static String sign(RSAKey k, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(k.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(k));
        return jwt.serialize();
    }

    static HttpResponse<String> call(String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String patientView() throws Exception {
        return JSON.writeValueAsString(HookRequestBuilder.patientView(JSON, CdsServerTest.sample("rrmm-copd")));
    }

    /** 401, an OperationOutcome naming the failed check, and never the token. */
    static void refused(String token, String reasonPart) throws Exception {
        HttpResponse<String> r = call(serviceUrl(), token, patientView());
        assertEquals(401, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        CdsHooksConformance.operationOutcome(body);
        String diagnostics = body.get("issue").get(0).get("diagnostics").asText();
        assertTrue(diagnostics.toLowerCase(java.util.Locale.ROOT).contains(reasonPart), diagnostics);
        if (token != null) for (String part : token.split("\\.")) if (part.length() > 8) assertFalse(r.body().contains(part));
    }

    static String with(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(key, change.apply(claims()).build());
    }

    @Test
    void aValidTokenIsAcceptedOnceAndItsReplayRefused() throws Exception {
        String token = with(c -> c);
        HttpResponse<String> ok = call(serviceUrl(), token, patientView());
        assertEquals(200, ok.statusCode(), ok.body());
        CdsHooksConformance.response(JSON.readTree(ok.body()));
        refused(token, "jti");
    }

    @Test
    void expiredWrongAudienceAndMissingTokensAreRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        refused(with(c -> c.issueTime(Date.from(past.minusSeconds(60))).expirationTime(Date.from(past))), "expired");
        refused(with(c -> c.audience("https://some-other-service.example.org/cds-services/myeloma-anti-cd38")), "aud");
        refused(with(c -> c.issuer("https://untrusted.example.org")), "iss");
        refused(null, "authorization");
    }

    @Test
    void algNoneHmacAndUnknownKeysAreRefused() throws Exception {
        refused(new PlainJWT(claims().build()).serialize(), "none");
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims().build());
        hmac.sign(new MACSigner(new byte[32]));
        refused(hmac.serialize(), "hs256");
        refused(sign(stranger, claims().build()), "kid");
    }

    @Test
    void feedbackNeedsATokenForTheFeedbackUrl() throws Exception {
        HttpResponse<String> ok = call(serviceUrl(), with(c -> c), patientView());
        String card = JSON.readTree(ok.body()).get("cards").get(0).get("uuid").asText();
        String fb = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-01T10:00:00Z\"}]}";
        String feedbackUrl = serviceUrl() + "/feedback";
        assertEquals(401, call(feedbackUrl, null, fb).statusCode());
        assertEquals(401, call(feedbackUrl, with(c -> c), fb).statusCode(), "a token for the service URL is not one for its feedback URL");
        assertEquals(200, call(feedbackUrl, with(c -> c.audience(feedbackUrl)), fb).statusCode());
    }
}
