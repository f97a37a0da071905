package org.myelomacds.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.net.MalformedURLException;
import java.net.URI;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the JWT a CDS client sends with every call (CDS Hooks 2.0, "Trusting CDS Clients"):
 * {@code Authorization: Bearer <JWT>} signed with an asymmetric key (RS*, PS*, ES*; never {@code none}, never HMAC,
 * because a shared secret would let anyone holding it impersonate the EHR); {@code iss} on the allow-list; the key
 * found by {@code kid} in the JWK Set at the {@code jku} URL when it is one of the issuer's configured URLs, else at the
 * issuer's configured URLs (an unlisted {@code jku} is ignored, never fetched: a hospital may serve a mirror of the
 * client's JWK Set and list only the mirror); {@code aud} equal to the URL of the service called; {@code exp} present, not past and no more than
 * five minutes ahead (the spec's limit, which also bounds the replay memory); {@code iat} present and not in the
 * future; {@code jti} present and never seen before while the token is valid.
 *
 * <p>JWK Sets are fetched with nimbus' JWK source (cached with a TTL, refetched once when a token names an unknown
 * {@code kid}, refetches rate-limited so a stream of bad kids cannot turn us into a JWKS hammer). Every rejection
 * names the check that failed and never contains the token. Thread-safe.
 */
public final class JwtClientAuthenticator implements ClientAuthenticator {

    /** Tuning; {@link #defaults()} suits production. */
    public record Settings(Duration clockSkew, Duration maxTokenLifetime, Duration jwksTimeToLive,
                           Duration jwksRefetchMinInterval, Duration jwksFetchTimeout, int jwksSizeLimitBytes,
                           int maxRememberedJtis) {
        public Settings {
            if (clockSkew.isNegative() || maxTokenLifetime.isNegative() || maxRememberedJtis < 1) {
                throw new IllegalArgumentException("JWT settings must be positive");
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(5),
                    Duration.ofSeconds(30), Duration.ofSeconds(5), 256 * 1024, 100_000);
        }
    }

    private static final Set<JWSAlgorithm> ASYMMETRIC = new LinkedHashSet<>();
    static {
        ASYMMETRIC.addAll(JWSAlgorithm.Family.RSA);
        ASYMMETRIC.addAll(JWSAlgorithm.Family.EC);
    }

    private final Map<String, TrustedIssuer> issuers = new HashMap<>();
    private final Settings settings;
    private final Clock clock;
    private final Map<URI, JWKSource<SecurityContext>> keySources = new ConcurrentHashMap<>();
    private final ReplayGuard replay;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    public JwtClientAuthenticator(List<TrustedIssuer> trusted) {
        this(trusted, Settings.defaults(), Clock.systemUTC());
    }

    public JwtClientAuthenticator(List<TrustedIssuer> trusted, Settings settings, Clock clock) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("no trusted issuers configured: every request would be rejected (use development mode to turn verification off)");
        }
        for (TrustedIssuer t : trusted) {
            if (issuers.put(t.issuer(), t) != null) throw new IllegalArgumentException("issuer listed twice: " + t.issuer());
        }
        this.settings = settings;
        this.clock = clock;
        this.replay = new ReplayGuard(settings.maxRememberedJtis());
    }

    @Override
    public AuthenticatedClient authenticate(String authorizationHeader, URI serviceUrl) throws AuthenticationException {
        String token = bearerToken(authorizationHeader);
        SignedJWT jwt = signed(token);
        JWSHeader header = jwt.getHeader();
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthenticationException("malformed JWT: the payload is not a JSON claims set");
        }

        String iss = claims.getIssuer();
        if (iss == null || iss.isBlank()) throw new AuthenticationException("JWT has no iss claim");
        TrustedIssuer issuer = issuers.get(iss);
        if (issuer == null) throw new AuthenticationException("issuer " + printable(iss) + " is not trusted");
        String kid = header.getKeyID();
        if (kid == null || kid.isBlank()) throw new AuthenticationException("JWT header has no kid (key id)");

        List<URI> urls = jwksUrls(header, issuer);
        JWK key = findKey(header, issuer, kid, urls);
        verifySignature(jwt, header, key, kid);

        Instant now = clock.instant();
        checkAudience(claims, serviceUrl);
        Instant exp = checkTimes(claims, now);
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) throw new AuthenticationException("JWT has no jti claim (required against replay)");
        // Remembered until the token could no longer pass the exp check anyway.
        if (!replay.firstUse(iss + "\u0000" + jti, exp.plus(settings.clockSkew()), now)) {
            throw new AuthenticationException("jti " + printable(jti) + " was already used (replayed token)");
        }
        return new AuthenticatedClient(iss, claims.getSubject(), jti, exp);
    }

    private static String bearerToken(String header) throws AuthenticationException {
        if (header == null || header.isBlank()) throw new AuthenticationException("missing Authorization header (Bearer JWT required)");
        String[] parts = header.strip().split("\\s+", 2);
        if (!parts[0].equalsIgnoreCase("Bearer")) throw new AuthenticationException("Authorization header is not a Bearer token");
        String token = parts.length < 2 ? "" : parts[1].strip();
        if (token.isEmpty()) throw new AuthenticationException("Authorization header has an empty Bearer token");
        return token;
    }

    private static SignedJWT signed(String token) throws AuthenticationException {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            // nimbus' messages may quote header JSON taken from the token, so the reason stays generic.
            throw new AuthenticationException("malformed JWT: not three base64url parts with a JSON header and payload");
        }
        if (jwt instanceof PlainJWT) throw new AuthenticationException("unsigned JWT (alg none) rejected");
        if (jwt instanceof EncryptedJWT) throw new AuthenticationException("encrypted JWT (JWE) not accepted; a signed JWT (JWS) is required");
        SignedJWT signed = (SignedJWT) jwt;
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            throw new AuthenticationException("HMAC algorithm " + alg + " rejected: CDS clients must sign with an asymmetric key (RS*, PS*, ES*)");
        }
        if (!ASYMMETRIC.contains(alg)) throw new AuthenticationException("signature algorithm " + printable(alg.getName()) + " not accepted (RS*, PS*, ES* only)");
        return signed;
    }

    /**
     * Where to look for the signing key: the token's {@code jku} when the issuer's configuration lists it, otherwise the
     * listed URLs in order. An unlisted {@code jku} is ignored and never fetched, so a token cannot make the service
     * call a URL of its choosing, and a key found only there does not verify.
     */
    static List<URI> jwksUrls(JWSHeader header, TrustedIssuer issuer) {
        URI jku = header.getJWKURL();
        if (jku == null) return issuer.jwksUrls();
        URI wanted = jku.normalize();
        for (URI allowed : issuer.jwksUrls()) {
            if (allowed.normalize().equals(wanted)) return List.of(allowed);
        }
        return issuer.jwksUrls();
    }

    private JWK findKey(JWSHeader header, TrustedIssuer issuer, String kid, List<URI> urls) throws AuthenticationException {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        AuthenticationException unreachable = null;
        boolean rateLimited = false;
        for (URI url : urls) {
            try {
                List<JWK> keys = source(url).get(selector, null);
                if (!keys.isEmpty()) return keys.get(0);
            } catch (RateLimitReachedException e) {
                rateLimited = true;
            } catch (KeySourceException e) {
                unreachable = new AuthenticationException("cannot fetch the JWKS of issuer " + issuer.issuer() + " from " + url
                        + ": " + rootMessage(e), e);
            }
        }
        if (unreachable != null) throw unreachable;
        throw new AuthenticationException("no " + header.getAlgorithm() + " key with kid " + printable(kid) + " in the JWKS of issuer "
                + issuer.issuer() + " (" + urls.stream().map(URI::toString).reduce((a, b) -> a + ", " + b).orElse("")
                + (rateLimited ? "; JWKS refetch rate-limited, try again later" : "") + ")");
    }

    private JWKSource<SecurityContext> source(URI url) {
        // Only allow-listed URLs get here, so this map is bounded by the configuration.
        return keySources.computeIfAbsent(url, u -> {
            int timeout = (int) settings.jwksFetchTimeout().toMillis();
            try {
                return JWKSourceBuilder.<SecurityContext>create(u.toURL(), new DefaultResourceRetriever(timeout, timeout, settings.jwksSizeLimitBytes()))
                        .cache(settings.jwksTimeToLive().toMillis(), 2L * timeout)
                        .refreshAheadCache(false)
                        .rateLimited(settings.jwksRefetchMinInterval().toMillis())
                        .retrying(false)
                        .outageTolerant(false)
                        .build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("JWKS URL " + u + " is not a URL: " + e.getMessage(), e);
            }
        });
    }

    private void verifySignature(SignedJWT jwt, JWSHeader header, JWK key, String kid) throws AuthenticationException {
        try {
            if (!(key instanceof AsymmetricJWK asymmetric)) throw new AuthenticationException("key " + printable(kid) + " is not an asymmetric key");
            PublicKey publicKey = asymmetric.toPublicKey();
            JWSVerifier verifier = verifiers.createJWSVerifier(header, publicKey);
            if (!jwt.verify(verifier)) throw new AuthenticationException("signature verification failed (kid " + printable(kid) + ")");
        } catch (JOSEException e) {
            throw new AuthenticationException("signature verification failed (kid " + printable(kid) + "): " + rootMessage(e));
        }
    }

    private static void checkAudience(JWTClaimsSet claims, URI serviceUrl) throws AuthenticationException {
        List<String> aud = claims.getAudience();
        if (aud == null || aud.isEmpty()) throw new AuthenticationException("JWT has no aud claim");
        String expected = serviceUrl.toString();
        if (!aud.contains(expected)) {
            throw new AuthenticationException("aud " + printable(String.join(", ", aud)) + " does not equal the service URL " + expected);
        }
    }

    private Instant checkTimes(JWTClaimsSet claims, Instant now) throws AuthenticationException {
        Duration skew = settings.clockSkew();
        if (claims.getExpirationTime() == null) throw new AuthenticationException("JWT has no exp claim");
        Instant exp = claims.getExpirationTime().toInstant();
        if (now.isAfter(exp.plus(skew))) {
            throw new AuthenticationException("JWT expired at " + exp + " (now " + now + ", clock skew allowed " + skew.toSeconds() + " s)");
        }
        if (exp.isAfter(now.plus(settings.maxTokenLifetime()).plus(skew))) {
            throw new AuthenticationException("JWT exp " + exp + " is more than " + settings.maxTokenLifetime().toMinutes()
                    + " minutes in the future (CDS Hooks limit)");
        }
        if (claims.getIssueTime() == null) throw new AuthenticationException("JWT has no iat claim");
        Instant iat = claims.getIssueTime().toInstant();
        if (iat.isAfter(now.plus(skew))) {
            throw new AuthenticationException("JWT iat " + iat + " is in the future (now " + now + ", clock skew allowed " + skew.toSeconds() + " s)");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now.plus(skew))) {
            throw new AuthenticationException("JWT not valid before " + claims.getNotBeforeTime().toInstant());
        }
        return exp;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String own = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return root == t ? own : own + " (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }

    /** Token-supplied strings quoted in messages: control characters removed, length capped. */
    static String printable(String s) {
        String clean = s.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + (clean.length() > 120 ? clean.substring(0, 120) + "…" : clean) + "'";
    }

    /**
     * The jti values seen while their tokens are valid, forgotten at expiry. Bounded: when full of unexpired
     * entries, new tokens are refused (fail closed) rather than forgetting a jti that could then be replayed.
     */
    static final class ReplayGuard {
        private record Seen(Instant forgetAt, String key) {}

        private final int capacity;
        private final Map<String, Instant> seen = new HashMap<>();
        private final PriorityQueue<Seen> byExpiry = new PriorityQueue<>((a, b) -> a.forgetAt.compareTo(b.forgetAt));

        ReplayGuard(int capacity) { this.capacity = capacity; }

        synchronized boolean firstUse(String key, Instant forgetAt, Instant now) throws AuthenticationException {
            while (!byExpiry.isEmpty() && byExpiry.peek().forgetAt.isBefore(now)) {
                Seen s = byExpiry.poll();
                if (s.forgetAt.equals(seen.get(s.key))) seen.remove(s.key);
            }
            if (seen.containsKey(key)) return false;
            if (seen.size() >= capacity) throw new AuthenticationException("too many tokens in flight to track their jti; try again shortly");
            seen.put(key, forgetAt);
            byExpiry.add(new Seen(forgetAt, key));
            return true;
        }

        synchronized int size() { return seen.size(); }
    }

    /** For diagnostics: the issuers this authenticator trusts. */
    public Collection<TrustedIssuer> trustedIssuers() { return List.copyOf(issuers.values()); }
}
