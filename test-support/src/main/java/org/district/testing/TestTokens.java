package org.district.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Mints bearer tokens for tests with the development-only key, plus the broken tokens that security tests need
 * (expired, signed by another key, unsigned).
 */
public final class TestTokens {

    /** Issuer the services trust outside the production profile. */
    public static final String DEV_ISSUER = "urn:district:local-dev-issuer";

    private static final PrivateKey DEV_KEY = loadDevKey();
    private static volatile PrivateKey otherKey;

    private TestTokens() {}

    /** A valid token for the subject with the given roles, valid for an hour. */
    public static String token(String subject, String... roles) {
        return sign(
                claims(subject, Instant.now().plus(Duration.ofHours(1)), roles),
                DEV_KEY,
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** A token signed by the development key that expired ten minutes ago. */
    public static String expired(String subject, String... roles) {
        return sign(
                claims(subject, Instant.now().minus(Duration.ofMinutes(10)), roles),
                DEV_KEY,
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String signedByAnotherKey(String subject, String... roles) {
        return sign(
                claims(subject, Instant.now().plus(Duration.ofHours(1)), roles),
                otherKey(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** An unsigned token ({@code alg: none}) claiming the given roles. */
    public static String unsigned(String subject, String... roles) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(
                claims(subject, Instant.now().plus(Duration.ofHours(1)), roles).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "Bearer " + a valid token. */
    public static String bearer(String subject, String... roles) {
        return "Bearer " + token(subject, roles);
    }

    private static JwtClaims claims(String subject, Instant expiresAt, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DEV_ISSUER);
        claims.setSubject(subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(
                NumericDate.fromSeconds(Math.min(Instant.now().getEpochSecond(), expiresAt.getEpochSecond() - 60)));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setStringListClaim("groups", List.of(roles));
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(algorithm);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey otherKey() {
        if (otherKey == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                otherKey = pair.getPrivate();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return otherKey;
    }

    private static PrivateKey loadDevKey() {
        try (InputStream in =
                TestTokens.class.getClassLoader().getResourceAsStream("dev-jwt/dev-only-private-key.pem")) {
            if (in == null) {
                throw new IllegalStateException("dev-jwt/dev-only-private-key.pem is not on the class path");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----"))
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the development signing key", e);
        }
    }
}
