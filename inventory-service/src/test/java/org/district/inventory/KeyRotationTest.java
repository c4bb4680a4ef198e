package org.district.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.district.testing.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The realm's signing keys rotate while the service runs: a new key is trusted without a restart. */
@QuarkusTest
class KeyRotationTest {

    private static final String DEVICES = "/api/v1/devices";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * The key provider this test added to the realm, until it is removed again: the realm is shared with other modules'
     * tests, which must find it signing with its own key.
     */
    private static String addedKeyProvider;

    @Test
    void aSigningKeyTheRealmAddsWhileTheServiceRunsIsTrustedWithoutARestart() {
        String device = Api.registerLaptop(false);
        String username = Keycloak.user(Api.unique("IT-ROTATION"), "IT_ADMIN");
        String before = freshToken(username);
        String ownKey = activeSigningKey();
        assertThat(keyIdOf(before)).isEqualTo(ownKey);
        bearer(before).get(DEVICES + "/" + device).then().statusCode(200);

        addedKeyProvider = addSigningKey(highestSigningKeyPriority() + 100);
        String newKey = keyIdOfProvider(addedKeyProvider);
        assertThat(activeSigningKey()).isEqualTo(newKey);
        String after = freshToken(username);
        assertThat(keyIdOf(after)).isEqualTo(newKey);
        // The realm goes back to signing with its own key at once, the new one staying published: other test runs
        // sharing the realm then hardly ever get a token signed with a key that is about to go away.
        setPriority(addedKeyProvider, 1);
        assertThat(activeSigningKey()).isEqualTo(ownKey);

        // The service may have fetched the published keys less than a second ago (for a key another test added), and
        // fetches them again on an unknown key id at most once a second (quarkus.oidc.token.forced-jwk-refresh-interval
        // in the test profile): the first answer may still be 401.
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> bearer(after).get(DEVICES + "/" + device).then().statusCode(200));
        bearer(after).get(DEVICES + "/" + device).then().statusCode(200).body("id", equalTo(device));
        String tag = Api.unique("ROTATED");
        bearer(after)
                .body(Api.purchasedLaptop(tag, false))
                .post(DEVICES)
                .then()
                .statusCode(201)
                .body("assetTag", equalTo(tag));
        // A token signed before the rotation still works.
        bearer(before).get(DEVICES + "/" + device).then().statusCode(200);

        removeAddedKey();
        assertThat(keyIdOf(freshToken(username))).isEqualTo(ownKey);
    }

    @AfterAll
    static void removeAddedKey() {
        if (addedKeyProvider != null) {
            int status =
                    admin("DELETE", "/components/" + addedKeyProvider, null).statusCode();
            assertThat(status).as("removing the added signing key").isIn(204, 404);
            addedKeyProvider = null;
        }
    }

    /** A new access token of the user (never a cached one: it must be signed with the key active right now). */
    private static String freshToken(String username) {
        return Keycloak.passwordGrant(Keycloak.CLI_CLIENT, username, Keycloak.TEST_PASSWORD)
                .accessToken();
    }

    private static RequestSpecification bearer(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    private static String keyIdOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return JsonPath.from(header).getString("kid");
    }

    /** The key the realm signs access tokens with now. */
    private static String activeSigningKey() {
        return keys().path("active").path("RS256").asText();
    }

    private static int highestSigningKeyPriority() {
        int highest = 0;
        for (JsonNode key : keys().path("keys")) {
            if ("RS256".equals(key.path("algorithm").asText())) {
                highest = Math.max(highest, key.path("providerPriority").asInt());
            }
        }
        return highest;
    }

    private static String keyIdOfProvider(String providerId) {
        for (JsonNode key : keys().path("keys")) {
            if (providerId.equals(key.path("providerId").asText())) {
                return key.path("kid").asText();
            }
        }
        throw new AssertionError("The realm does not publish the key of provider " + providerId);
    }

    private static JsonNode keys() {
        return ok(admin("GET", "/keys", null));
    }

    /** Adds an RSA signing key the realm generates itself, with the given priority; returns its provider's id. */
    private static String addSigningKey(int priority) {
        String realmId = ok(admin("GET", "", null)).path("id").asText();
        ObjectNode provider = JSON.createObjectNode()
                .put("name", "inventory-rotation-test-" + UUID.randomUUID())
                .put("providerId", "rsa-generated")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId);
        ObjectNode config = provider.putObject("config");
        config.putArray("priority").add(String.valueOf(priority));
        config.putArray("enabled").add("true");
        config.putArray("active").add("true");
        config.putArray("algorithm").add("RS256");
        config.putArray("keySize").add("2048");
        HttpResponse<String> created = admin("POST", "/components", provider.toString());
        assertThat(created.statusCode())
                .as("adding a signing key: " + created.body())
                .isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void setPriority(String providerId, int priority) {
        ObjectNode provider = (ObjectNode) ok(admin("GET", "/components/" + providerId, null));
        ((ObjectNode) provider.path("config")).putArray("priority").add(String.valueOf(priority));
        HttpResponse<String> updated = admin("PUT", "/components/" + providerId, provider.toString());
        assertThat(updated.statusCode())
                .as("lowering the key's priority: " + updated.body())
                .isEqualTo(204);
    }

    // test-support's Keycloak.admin does exactly this but is not public; this is the same call of the admin API.
    private static HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(Keycloak.URL + "/admin/realms/" + Keycloak.REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    private static String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username="
                + encode(setting("KEYCLOAK_ADMIN_USER", "admin")) + "&password="
                + encode(setting("KEYCLOAK_ADMIN_PASSWORD", "admin-dev-only"));
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(Keycloak.URL + "/realms/master/protocol/openid-connect/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        return ok(response).path("access_token").asText();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as(response.request().method() + " " + response.request().uri() + ": " + response.body())
                .isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The identity provider at " + Keycloak.URL + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The same settings test-support's Keycloak reads: a system property, else the environment, else the default. */
    private static String setting(String name, String fallback) {
        String property =
                System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property;
        }
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
