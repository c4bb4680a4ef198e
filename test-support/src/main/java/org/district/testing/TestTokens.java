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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Bearer tokens for tests. {@link #token} is a real access token from the tests' identity provider for a user with the
 * district id and roles asked for; the others are the tokens the services must refuse: expired, older than the
 * maximum age, issued to another client, signed by a key the realm does not publish, unsigned, and signed by the
 * development key the services trusted before they trusted the identity provider.
 */
public final class TestTokens {

    /** The issuer of the development key the services no longer trust; kept to prove that they do not. */
    public static final String RETIRED_DEV_ISSUER = "urn:district:local-dev-issuer";

    private static final Map<String, Keycloak.TokenResponse> TOKENS = new ConcurrentHashMap<>();
    private static volatile PrivateKey otherKey;

    private TestTokens() {}

    /** A valid access token of the user acting as {@code subject} (a district id) with {@code roles}. */
    public static String token(String subject, String... roles) {
        String username = Keycloak.user(subject, roles);
        return TOKENS.compute(
                        username,
                        (user, cached) -> cached != null && Instant.now().isBefore(cached.refreshBefore())
                                ? cached
                                : Keycloak.passwordGrant(Keycloak.CLI_CLIENT, user, Keycloak.TEST_PASSWORD))
                .accessToken();
    }

    /** "Bearer " + a valid token. */
    public static String bearer(String subject, String... roles) {
        return "Bearer " + token(subject, roles);
    }

    /** A real token of the realm for the same user, issued to another client: not meant for the district's API. */
    public static String forAnotherClient(String subject, String... roles) {
        Keycloak.prepare();
        return Keycloak.passwordGrant(Keycloak.OTHER_CLIENT, Keycloak.user(subject, roles), Keycloak.TEST_PASSWORD)
                .accessToken();
    }

    /**
     * Every kind of bearer token an API must refuse, named for the failure message, each for {@code subject} with
     * {@code roles}: the retired development key's, another client's, expired, older than the maximum age, ten years
     * long, signed by another key, unsigned, and not a token at all.
     */
    public static Map<String, String> refused(String subject, String... roles) {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("the retired development key", retiredDevelopmentKey(subject, roles));
        refused.put("another client of the realm", forAnotherClient(subject, roles));
        refused.put("expired", expired(subject, roles));
        refused.put("older than the maximum age", issuedAgo(Duration.ofMinutes(20), subject, roles));
        refused.put("a ten-year token issued an hour ago", tenYears(subject, roles));
        refused.put("signed by another key", signedByAnotherKey(subject, roles));
        refused.put("unsigned", unsigned(subject, roles));
        refused.put("not a token at all", "not-a-token");
        return refused;
    }

    /** A token signed with a key the realm publishes that expired ten minutes ago. */
    public static String expired(String subject, String... roles) {
        Instant now = Instant.now();
        return ForgedTokens.sign(ForgedTokens.claims(
                subject, now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(10)), roles));
    }

    /** A token signed with a key the realm publishes, not expired, but issued {@code age} ago. */
    public static String issuedAgo(Duration age, String subject, String... roles) {
        Instant now = Instant.now();
        return ForgedTokens.sign(ForgedTokens.claims(subject, now.minus(age), now.plus(Duration.ofMinutes(5)), roles));
    }

    /**
     * A token signed with a key the realm publishes that lives ten years, issued an hour ago: the shape of a token
     * minted for a script and forgotten. Only the maximum age refuses it.
     */
    public static String tenYears(String subject, String... roles) {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return ForgedTokens.sign(ForgedTokens.claims(subject, issued, issued.plus(Duration.ofDays(3653)), roles));
    }

    /**
     * A well-formed token that names the key of a published one but is signed by another: the signature does not
     * verify.
     */
    public static String signedByAnotherKey(String subject, String... roles) {
        Instant now = Instant.now();
        return ForgedTokens.sign(ForgedTokens.claims(subject, now, now.plus(Duration.ofMinutes(5)), roles), otherKey());
    }

    /** An unsigned token ({@code alg: none}) claiming the given roles. */
    public static String unsigned(String subject, String... roles) {
        Instant now = Instant.now();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(ForgedTokens.claims(subject, now, now.plus(Duration.ofMinutes(5)), roles)
                .toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        return serialize(jws);
    }

    /**
     * A token in the shape the services accepted before the identity provider (issuer {@value #RETIRED_DEV_ISSUER},
     * roles in {@code groups}), signed by the development key that was committed then.
     */
    public static String retiredDevelopmentKey(String subject, String... roles) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(RETIRED_DEV_ISSUER);
        claims.setSubject(subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(
                NumericDate.fromSeconds(now.plus(Duration.ofHours(1)).getEpochSecond()));
        claims.setStringListClaim("groups", List.of(roles));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(retiredDevKey());
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return serialize(jws);
    }

    static String serialize(JsonWebSignature jws) {
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

    private static PrivateKey retiredDevKey() {
        try (InputStream in =
                TestTokens.class.getClassLoader().getResourceAsStream("retired-dev-key/private-key.pem")) {
            if (in == null) {
                throw new IllegalStateException("retired-dev-key/private-key.pem is not on the class path");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----"))
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the retired development key", e);
        }
    }
}
