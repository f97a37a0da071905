package org.myelomacds.server.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JWT verification against a real JWK Set served on a loopback port, with keys generated per test run. */
class JwtClientAuthenticatorTest {
    private static final String ISS = "https://ehr.example.org";
    private static final URI SERVICE = URI.create("http://127.0.0.1:8085/cds-services/myeloma-anti-cd38");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private HttpServer jwksServer;
    private final AtomicReference<JWKSet> served = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger otherFetches = new AtomicInteger();
    private final AtomicReference<JWKSet> servedOther = new AtomicReference<>();
    private String jwksUrl;
    private String otherJwksUrl;
    private RSAKey rsa;
    private ECKey ec;
    private JwtClientAuthenticator auth;

    @BeforeEach
    void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
        served.set(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())));
        servedOther.set(served.get());
        jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwksServer.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
        });
        jwksServer.createContext("/other/jwks.json", exchange -> {
            otherFetches.incrementAndGet();
            byte[] body = servedOther.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
        });
        jwksServer.start();
        String base = "http://127.0.0.1:" + jwksServer.getAddress().getPort();
        jwksUrl = base + "/jwks.json";
        otherJwksUrl = base + "/other/jwks.json";
        auth = authenticator(List.of(TrustedIssuer.of(ISS, jwksUrl)));
    }

    @AfterEach
    void stop() {
        jwksServer.stop(0);
    }

    private static JwtClientAuthenticator authenticator(List<TrustedIssuer> issuers) {
        return new JwtClientAuthenticator(issuers, JwtClientAuthenticator.Settings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISS).subject("ehr-client").audience(SERVICE.toString())
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(240)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims, Consumer<JWSHeader.Builder> header) throws Exception {
        JWSHeader.Builder h = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID());
        header.accept(h);
        JWSSigner signer = key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key);
        SignedJWT jwt = new SignedJWT(h.build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private String rs256(JWTClaimsSet claims) throws Exception {
        return sign(rsa, JWSAlgorithm.RS256, claims, h -> {});
    }

    private String rejection(String token) {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> auth.authenticate("Bearer " + token, SERVICE));
        assertFalse(e.getMessage().contains(token), "the message must never contain the token");
        for (String part : token.split("\\.")) {
            if (part.length() > 8) assertFalse(e.getMessage().contains(part), "the message must never contain part of the token");
        }
        return e.getMessage();
    }

    @Test
    void acceptsRs256Es384AndPs512TokensFromATrustedIssuer() throws Exception {
        AuthenticatedClient c = auth.authenticate("Bearer " + rs256(claims().build()), SERVICE);
        assertEquals(ISS, c.issuer());
        assertEquals("ehr-client", c.subject());
        assertEquals(NOW.plusSeconds(240), c.expiresAt());

        assertEquals(ISS, auth.authenticate("bearer " + sign(ec, JWSAlgorithm.ES384, claims().build(), h -> {}), SERVICE).issuer());
        assertEquals(ISS, auth.authenticate("Bearer " + sign(rsa, JWSAlgorithm.PS512, claims().build(), h -> {}), SERVICE).issuer());
        assertEquals(1, fetches.get(), "the JWK Set is fetched once and then served from the cache");
    }

    @Test
    void acceptsAnAudienceArrayContainingTheServiceUrl() throws Exception {
        String token = rs256(claims().audience(List.of("https://other.example/x", SERVICE.toString())).build());
        assertEquals(ISS, auth.authenticate("Bearer " + token, SERVICE).issuer());
    }

    @Test
    void usesAnAllowListedJkuAndIgnoresOthersForTheListedUrls() throws Exception {
        JwtClientAuthenticator two = authenticator(List.of(TrustedIssuer.of(ISS, jwksUrl, otherJwksUrl)));
        String viaOther = sign(rsa, JWSAlgorithm.RS256, claims().build(), h -> h.jwkURL(URI.create(otherJwksUrl)));
        assertEquals(ISS, two.authenticate("Bearer " + viaOther, SERVICE).issuer());
        assertEquals(0, fetches.get(), "the jku named the other allow-listed URL, so the default one is not fetched");
        assertEquals(1, otherFetches.get());

        // An unlisted jku (a client's own JWKS when the hospital lists only its mirror) is ignored: the key is looked up
        // at the issuer's listed URL, and the unlisted one is never fetched.
        String foreign = sign(rsa, JWSAlgorithm.RS256, claims().build(), h -> h.jwkURL(URI.create("https://attacker.example/jwks.json")));
        assertEquals(ISS, auth.authenticate("Bearer " + foreign, SERVICE).issuer());
        String notForThisIssuer = sign(rsa, JWSAlgorithm.RS256, claims().build(), h -> h.jwkURL(URI.create(otherJwksUrl)));
        assertEquals(ISS, auth.authenticate("Bearer " + notForThisIssuer, SERVICE).issuer());
        assertEquals(1, otherFetches.get(), "an unlisted jku is never fetched");
        assertEquals(1, fetches.get(), "the listed URL answered both, the second time from the cache");
    }

    @Test
    void aKeyPublishedOnlyAtAnUnlistedJkuDoesNotVerify() throws Exception {
        RSAKey intruder = new RSAKeyGenerator(2048).keyID("intruder-1").generate();
        servedOther.set(new JWKSet(List.of(intruder.toPublicJWK())));
        String token = sign(intruder, JWSAlgorithm.RS256, claims().build(), h -> h.jwkURL(URI.create(otherJwksUrl)));
        String reason = rejection(token);
        assertTrue(reason.contains("intruder-1"), reason);
        assertEquals(0, otherFetches.get(), "the unlisted jku was not fetched");
    }

    @Test
    void rejectsAnExpiredToken() throws Exception {
        String token = rs256(claims().issueTime(Date.from(NOW.minusSeconds(400))).expirationTime(Date.from(NOW.minusSeconds(61))).build());
        assertTrue(rejection(token).startsWith("JWT expired at " + NOW.minusSeconds(61)));
    }

    @Test
    void allowsSmallClockSkewOnExpiry() throws Exception {
        String token = rs256(claims().issueTime(Date.from(NOW.minusSeconds(300))).expirationTime(Date.from(NOW.minusSeconds(30))).build());
        assertEquals(ISS, auth.authenticate("Bearer " + token, SERVICE).issuer());
    }

    @Test
    void rejectsAnExpiryFurtherThanFiveMinutesAhead() throws Exception {
        String token = rs256(claims().expirationTime(Date.from(NOW.plus(Duration.ofHours(1)))).build());
        assertTrue(rejection(token).contains("more than 5 minutes in the future"));
    }

    @Test
    void rejectsAnIssueTimeInTheFutureAndAMissingOne() throws Exception {
        assertTrue(rejection(rs256(claims().issueTime(Date.from(NOW.plusSeconds(120))).build())).startsWith("JWT iat " + NOW.plusSeconds(120) + " is in the future"));
        assertEquals("JWT has no iat claim", rejection(rs256(claims().issueTime(null).build())));
        assertEquals("JWT has no exp claim", rejection(rs256(claims().expirationTime(null).build())));
    }

    @Test
    void rejectsAWrongOrMissingAudience() throws Exception {
        String wrong = rs256(claims().audience("http://127.0.0.1:8085/cds-services/anti-cd38-order-check").build());
        assertEquals("aud 'http://127.0.0.1:8085/cds-services/anti-cd38-order-check' does not equal the service URL " + SERVICE, rejection(wrong));
        assertEquals("JWT has no aud claim", rejection(rs256(claims().audience((String) null).build())));
    }

    @Test
    void rejectsAMissingOrReplayedJti() throws Exception {
        assertEquals("JWT has no jti claim (required against replay)", rejection(rs256(claims().jwtID(null).build())));
        String token = rs256(claims().jwtID("nonce-1").build());
        auth.authenticate("Bearer " + token, SERVICE);
        assertEquals("jti 'nonce-1' was already used (replayed token)", rejection(token));
        // A new token reusing the jti is a replay too, whatever else changed.
        assertEquals("jti 'nonce-1' was already used (replayed token)", rejection(rs256(claims().jwtID("nonce-1").subject("other").build())));
    }

    @Test
    void replayMemoryForgetsExpiredEntriesAndIsBounded() throws Exception {
        JwtClientAuthenticator.ReplayGuard guard = new JwtClientAuthenticator.ReplayGuard(2);
        assertTrue(guard.firstUse("a", NOW.plusSeconds(10), NOW));
        assertTrue(guard.firstUse("b", NOW.plusSeconds(20), NOW));
        assertFalse(guard.firstUse("a", NOW.plusSeconds(10), NOW.plusSeconds(5)));
        AuthenticationException full = assertThrows(AuthenticationException.class, () -> guard.firstUse("c", NOW.plusSeconds(30), NOW.plusSeconds(5)));
        assertTrue(full.getMessage().contains("too many tokens"));
        // Once "a" has expired it is forgotten, freeing room; it could no longer pass the exp check anyway.
        assertTrue(guard.firstUse("c", NOW.plusSeconds(30), NOW.plusSeconds(11)));
        assertEquals(2, guard.size());
    }

    @Test
    void rejectsAlgNone() {
        String token = new PlainJWT(claims().build()).serialize();
        assertEquals("unsigned JWT (alg none) rejected", rejection(token));
    }

    @Test
    void rejectsHmac() throws Exception {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build());
        jwt.sign(new MACSigner(secret));
        assertEquals("HMAC algorithm HS256 rejected: CDS clients must sign with an asymmetric key (RS*, PS*, ES*)", rejection(jwt.serialize()));
    }

    @Test
    void rejectsATamperedSignature() throws Exception {
        String token = rs256(claims().build());
        String[] parts = token.split("\\.");
        String forged = sign(new RSAKeyGenerator(2048).keyID("rsa-1").generate(), JWSAlgorithm.RS256, claims().build(), h -> {});
        String mixed = parts[0] + "." + parts[1] + "." + forged.split("\\.")[2];
        assertEquals("signature verification failed (kid 'rsa-1')", rejection(mixed));
    }

    @Test
    void refetchesTheJwksOnceForAnUnknownKidThenRejects() throws Exception {
        auth.authenticate("Bearer " + rs256(claims().build()), SERVICE);
        assertEquals(1, fetches.get());
        // The client rotates its key: the first token with the new kid makes us refetch and accept.
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        served.set(new JWKSet(List.of(rotated.toPublicJWK())));
        assertEquals(ISS, auth.authenticate("Bearer " + sign(rotated, JWSAlgorithm.RS256, claims().build(), h -> {}), SERVICE).issuer());
        assertEquals(2, fetches.get());

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("nobody").generate();
        String message = rejection(sign(stranger, JWSAlgorithm.RS256, claims().build(), h -> {}));
        assertTrue(message.startsWith("no RS256 key with kid 'nobody' in the JWKS of issuer " + ISS + " (" + jwksUrl), message);
        assertTrue(fetches.get() <= 3, "an unknown kid triggers at most one refetch, got " + fetches.get());
        int before = fetches.get();
        for (int i = 0; i < 5; i++) rejection(sign(stranger, JWSAlgorithm.RS256, claims().build(), h -> {}));
        assertTrue(fetches.get() <= before + 1, "refetches for unknown kids are rate-limited, got " + (fetches.get() - before));
    }

    @Test
    void rejectsAMissingKid() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims().build());
        jwt.sign(new RSASSASigner(rsa));
        assertEquals("JWT header has no kid (key id)", rejection(jwt.serialize()));
    }

    @Test
    void rejectsAnUntrustedIssuer() throws Exception {
        assertEquals("issuer 'https://evil.example' is not trusted", rejection(rs256(claims().issuer("https://evil.example").build())));
        assertEquals("JWT has no iss claim", rejection(rs256(claims().issuer(null).build())));
        assertEquals(0, fetches.get(), "no JWKS is fetched for an untrusted issuer");
    }

    @Test
    void rejectsMalformedHeadersAndTokens() {
        assertEquals("missing Authorization header (Bearer JWT required)",
                assertThrows(AuthenticationException.class, () -> auth.authenticate(null, SERVICE)).getMessage());
        assertEquals("Authorization header is not a Bearer token",
                assertThrows(AuthenticationException.class, () -> auth.authenticate("Basic dXNlcjpwYXNz", SERVICE)).getMessage());
        assertEquals("Authorization header has an empty Bearer token",
                assertThrows(AuthenticationException.class, () -> auth.authenticate("Bearer   ", SERVICE)).getMessage());
        assertEquals("malformed JWT: not three base64url parts with a JSON header and payload", rejection("not-a-jwt"));
        assertEquals("malformed JWT: not three base64url parts with a JSON header and payload", rejection("eyJzZWNyZXQiOiJ4In0.eyJ9.abc"));
    }

    @Test
    void saysClearlyWhenTheJwksIsUnreachable() throws Exception {
        // Bound but never listening: connections are refused, and while it is held no other process can take the port
        // (a port closed before the fetch could be reused by a server of another job on the same machine).
        try (Socket closed = new Socket()) {
            closed.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String dead = "http://127.0.0.1:" + closed.getLocalPort() + "/jwks.json";
            auth = authenticator(List.of(TrustedIssuer.of(ISS, dead)));
            String message = rejection(rs256(claims().build()));
            assertTrue(message.startsWith("cannot fetch the JWKS of issuer " + ISS + " from " + dead + ": "), message);
            assertTrue(message.contains("Connection refused") || message.contains("ConnectException"), message);
        }
    }

    @Test
    void configurationRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new JwtClientAuthenticator(List.of()));
        assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.of(ISS));
        assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.of(ISS, "file:///etc/jwks.json"));
        assertThrows(IllegalArgumentException.class, () -> new JwtClientAuthenticator(List.of(TrustedIssuer.of(ISS, jwksUrl), TrustedIssuer.of(ISS, otherJwksUrl))));
    }
}
