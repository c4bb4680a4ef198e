package org.district.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Tokens with the claims a test chooses (an old issue time, a past expiry), signed by a key that the realm publishes:
 * the only way to show the services refuse a token for its age or expiry alone, since the identity provider issues only
 * fresh ones. The key is made when a test JVM first needs it and added to the test realm as one more signing key, with
 * a lower priority than the realm's own, so the realm keeps signing its tokens with its own key. Nothing is committed.
 */
final class ForgedTokens {

    private static PrivateKey key;
    private static String keyId;

    private ForgedTokens() {}

    /** The claims of an access token of the realm for {@code subject} with {@code roles}, issued and expiring as given. */
    static JwtClaims claims(String subject, Instant issuedAt, Instant expiresAt, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(Keycloak.ISSUER);
        claims.setSubject(UUID.randomUUID().toString());
        claims.setAudience(Keycloak.API_AUDIENCE, "account");
        claims.setClaim("azp", Keycloak.CLI_CLIENT);
        claims.setClaim("typ", "Bearer");
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setClaim("district_id", subject);
        claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
        return claims;
    }

    /** Signs with the key the realm publishes. */
    static synchronized String sign(JwtClaims claims) {
        if (key == null) {
            register();
        }
        return sign(claims, key);
    }

    /** Signs with {@code signingKey}, naming the published key: a signature that does not verify. */
    static synchronized String sign(JwtClaims claims, PrivateKey signingKey) {
        if (keyId == null) {
            register();
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return TestTokens.serialize(jws);
    }

    private static void register() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String realmId =
                Keycloak.json(Keycloak.admin("GET", "", null)).get("id").asText();
        ObjectNode component = Keycloak.mapper()
                .createObjectNode()
                .put("name", "tests-forged-" + UUID.randomUUID())
                .put("providerId", "rsa")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId);
        ObjectNode config = component.putObject("config");
        config.putArray("priority").add("10");
        config.putArray("enabled").add("true");
        config.putArray("active").add("true");
        config.putArray("algorithm").add("RS256");
        config.putArray("privateKey")
                .add(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        HttpResponse<String> created = Keycloak.admin("POST", "/components", component.toString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not add the tests' signing key to the realm: " + created.statusCode()
                    + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        for (JsonNode k : Keycloak.json(Keycloak.admin("GET", "/keys", null)).get("keys")) {
            if (componentId.equals(k.path("providerId").asText())) {
                keyId = k.get("kid").asText();
            }
        }
        if (keyId == null) {
            throw new IllegalStateException("The realm does not publish the tests' signing key");
        }
        key = pair.getPrivate();
        // The key lives as long as this test JVM: the realm keeps publishing only keys someone can still sign with.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> Keycloak.admin("DELETE", "/components/" + componentId, null)));
    }
}
