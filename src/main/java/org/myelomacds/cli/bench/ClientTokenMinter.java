package org.myelomacds.cli.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs a fresh CDS client JWT for every call, as an EHR does (CDS Hooks 2.0): iss, sub, aud = the service URL,
 * iat, exp a few minutes ahead, a new jti. A load test against a server that verifies JWTs needs one per call,
 * because a replayed jti is refused.
 */
final class ClientTokenMinter {
    private static final Duration LIFETIME = Duration.ofMinutes(4);

    private final JWK key;
    private final JWSSigner signer;
    private final JWSAlgorithm alg;
    private final String issuer;
    private final Clock clock;

    ClientTokenMinter(JWK key, String issuer, Clock clock) throws JOSEException {
        if (!key.isPrivate()) throw new IllegalArgumentException("the signing key has no private part");
        if (key.getKeyID() == null) throw new IllegalArgumentException("the signing key has no kid");
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
        if (key instanceof RSAKey rsa) {
            signer = new RSASSASigner(rsa);
            alg = JWSAlgorithm.RS384;
        } else if (key instanceof ECKey ec) {
            signer = new ECDSASigner(ec);
            alg = ec.getCurve().equals(Curve.P_384) ? JWSAlgorithm.ES384 : ec.getCurve().equals(Curve.P_521) ? JWSAlgorithm.ES512 : JWSAlgorithm.ES256;
        } else {
            throw new IllegalArgumentException("the signing key must be an RSA or EC key, not " + key.getKeyType());
        }
    }

    /**
     * Reads a private JWK from the file; when the file does not exist, generates an RSA key there and writes its public
     * JWK Set next to it (FILE.jwks.json) for the server's trusted issuer to fetch. Returns what it did, for the user.
     */
    static JWK loadOrCreate(Path file, List<String> notes) throws IOException {
        try {
            if (Files.exists(file)) return JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            RSAKey generated = new RSAKeyGenerator(2048).keyID("load-" + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).generate();
            Files.writeString(file, generated.toJSONString(), StandardCharsets.UTF_8);
            Path publicSet = file.resolveSibling(file.getFileName() + ".jwks.json");
            Files.writeString(publicSet, new JWKSet(generated.toPublicJWK()).toString(true), StandardCharsets.UTF_8);
            notes.add("generated signing key " + file + " (kid " + generated.getKeyID() + "); serve " + publicSet
                    + " at a JWKS URL listed for the issuer in the server's trustedIssuers");
            return generated;
        } catch (ParseException | JOSEException e) {
            throw new IOException(file + " is not a private JWK: " + e.getMessage(), e);
        }
    }

    String mint(URI serviceUrl) {
        Date now = Date.from(clock.instant());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(issuer).audience(serviceUrl.toString())
                .issueTime(now).expirationTime(Date.from(clock.instant().plus(LIFETIME))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client JWT: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
