package org.district.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The district realm of the tests' identity provider (scripts/keycloak.sh start test): the people the tests act as are
 * real users of the realm, with their district id and roles, and their tokens come from its token endpoint. Only the
 * test instance is changed: users are added as tests need them, and the realm hashes their passwords cheaply.
 */
public final class Keycloak {

    /** Where the identity provider answers (KEYCLOAK_URL, else the test instance). */
    public static final String URL = setting("KEYCLOAK_URL", "http://localhost:8181");

    /** The realm the services trust. */
    public static final String REALM = "district";

    /** The issuer of the realm's tokens, as the services are configured with it. */
    public static final String ISSUER = URL + "/realms/" + REALM;

    /** The audience every API requires. */
    public static final String API_AUDIENCE = "district-api";

    /** The public client the tests (and scripts/mint-token.sh) ask for people's tokens with. */
    public static final String CLI_CLIENT = "district-cli";

    /** A client of the same realm whose tokens are not meant for the district's API (no district-api audience). */
    public static final String OTHER_CLIENT = "tests-other-app";

    /** The password of every user the tests create (test instance only). */
    public static final String TEST_PASSWORD = "test-only-password";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, String> USER_IDS = new ConcurrentHashMap<>();
    private static String adminToken;
    private static Instant adminTokenExpires = Instant.EPOCH;
    private static boolean prepared;

    private Keycloak() {}

    /**
     * The user acting as {@code subject} (a district id) with exactly {@code roles}, created on first use; returns
     * its username. A subject used with other roles is another user with the same district id.
     */
    public static String user(String subject, String... roles) {
        String username = username(subject, roles);
        USER_IDS.computeIfAbsent(username, u -> create(u, subject, roles));
        return username;
    }

    /** An access token of the user, from the realm's token endpoint (password grant of {@code clientId}). */
    public static TokenResponse passwordGrant(String clientId, String username, String password) {
        return TokenResponse.of(form(
                ISSUER + "/protocol/openid-connect/token",
                "grant_type",
                "password",
                "client_id",
                clientId,
                "username",
                username,
                "password",
                password,
                "scope",
                "openid"));
    }

    /** A token of a machine client (client-credentials grant), for example the HR system's. */
    public static TokenResponse clientCredentials(String clientId, String secret) {
        return TokenResponse.of(form(
                ISSUER + "/protocol/openid-connect/token",
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                secret));
    }

    /** Makes sure the test realm is ready: cheap password hashing and the client whose tokens the API must refuse. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        ObjectNode settings = JSON.createObjectNode()
                .put("realm", REALM)
                // Keycloak's default hashing costs ~150 ms of CPU per password grant; the tests ask for hundreds.
                .put("passwordPolicy", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)")
                .put("bruteForceProtected", false);
        expect(admin("PUT", "", settings.toString()), 204, "set the test realm's password policy");
        ObjectNode other = JSON.createObjectNode()
                .put("clientId", OTHER_CLIENT)
                .put("name", "Another application of the realm (tests only)")
                .put("publicClient", true)
                .put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", true);
        HttpResponse<String> created = admin("POST", "/clients", other.toString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw failure("create the client " + OTHER_CLIENT, created);
        }
        prepared = true;
    }

    /** Calls the realm's admin API as the administrator; {@code path} is relative to the realm. */
    public static HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + "/admin/realms/" + REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    private static synchronized String adminToken() {
        if (adminToken == null || Instant.now().isAfter(adminTokenExpires)) {
            TokenResponse response = TokenResponse.of(form(
                    URL + "/realms/master/protocol/openid-connect/token",
                    "grant_type",
                    "password",
                    "client_id",
                    "admin-cli",
                    "username",
                    setting("KEYCLOAK_ADMIN_USER", "admin"),
                    "password",
                    setting("KEYCLOAK_ADMIN_PASSWORD", "admin-dev-only")));
            adminToken = response.accessToken();
            adminTokenExpires = response.refreshBefore();
        }
        return adminToken;
    }

    private static String create(String username, String subject, String... roles) {
        prepare();
        ObjectNode user = JSON.createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("emailVerified", true)
                .put("firstName", "Test")
                .put("lastName", subject);
        user.putObject("attributes").putArray("district_id").add(subject);
        user.putArray("credentials")
                .addObject()
                .put("type", "password")
                .put("value", TEST_PASSWORD)
                .put("temporary", false);
        HttpResponse<String> created = admin("POST", "/users", user.toString());
        String id;
        if (created.statusCode() == 201) {
            String location = created.headers().firstValue("Location").orElseThrow();
            id = location.substring(location.lastIndexOf('/') + 1);
        } else if (created.statusCode() == 409) {
            // Another test JVM created it first.
            JsonNode found = json(admin("GET", "/users?exact=true&username=" + encode(username), null));
            id = found.get(0).get("id").asText();
        } else {
            throw failure("create user " + username, created);
        }
        if (roles.length > 0) {
            ArrayNode mappings = JSON.createArrayNode();
            for (String role : roles) {
                mappings.add(role(role));
            }
            expect(
                    admin("POST", "/users/" + id + "/role-mappings/realm", mappings.toString()),
                    204,
                    "give " + username + " its roles");
        }
        return id;
    }

    /**
     * The realm role, created in the test realm when the district has no such role (DEVICE, for example: tests show a
     * person's token claiming it admits nothing a device may do).
     */
    private static JsonNode role(String name) {
        HttpResponse<String> found = admin("GET", "/roles/" + encode(name), null);
        if (found.statusCode() == 404) {
            HttpResponse<String> created = admin(
                    "POST", "/roles", JSON.createObjectNode().put("name", name).toString());
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw failure("create the realm role " + name, created);
            }
            found = admin("GET", "/roles/" + encode(name), null);
        }
        return json(found);
    }

    /** The username of (subject, roles): lower case, as Keycloak keeps usernames. */
    static String username(String subject, String... roles) {
        List<String> sorted = new ArrayList<>(List.of(roles));
        sorted.sort(null);
        String name = subject + (sorted.isEmpty() ? ".none" : "." + String.join("-", sorted));
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]", "_");
    }

    static String form(String url, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(encode(k))
                .append('=')
                .append(encode(v)));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        if (response.statusCode() != 200) {
            throw failure("POST " + url, response);
        }
        return response.body();
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The identity provider at " + URL
                            + " does not answer (start it with scripts/keycloak.sh start test): " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON body of a 200 answer of the admin API. */
    public static JsonNode json(HttpResponse<String> response) {
        expect(
                response,
                200,
                response.request().method() + " " + response.request().uri());
        return parse(response.body());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw failure(what, response);
        }
    }

    private static IllegalStateException failure(String what, HttpResponse<String> response) {
        return new IllegalStateException("Could not " + what + ": the identity provider answered "
                + response.statusCode() + " " + response.body());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String setting(String name, String fallback) {
        String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property;
        }
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The parts of a token endpoint's answer the tests use. */
    public record TokenResponse(String accessToken, String idToken, long expiresInSeconds, Instant receivedAt) {

        static TokenResponse of(String json) {
            JsonNode body = parse(json);
            return new TokenResponse(
                    body.path("access_token").asText(null),
                    body.path("id_token").asText(null),
                    body.path("expires_in").asLong(),
                    Instant.now());
        }

        /** When to ask for a new one: a minute before it expires, or halfway for short-lived ones. */
        Instant refreshBefore() {
            long margin = Math.min(60, expiresInSeconds / 2);
            return receivedAt.plusSeconds(expiresInSeconds - margin);
        }
    }
}
