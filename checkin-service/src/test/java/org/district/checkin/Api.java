package org.district.checkin;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.district.testing.TestApi;

/**
 * Request helpers: the callers these tests use (people with real tokens, see {@link TestApi}; devices with their
 * enrolment credential) and valid check-in bodies.
 */
final class Api {

    private static final Map<UUID, String> CREDENTIALS = new ConcurrentHashMap<>();

    private Api() {}

    static RequestSpecification as(String subject, String... roles) {
        return TestApi.as(subject, roles);
    }

    static RequestSpecification it() {
        return as("IT-" + Feed.RUN, "IT_ADMIN");
    }

    static RequestSpecification auditor() {
        return as("AU-" + Feed.RUN, "AUDITOR");
    }

    /**
     * A device's agent, signed in with its enrolment credential (as devices sign in: never with a token), which IT
     * issues through the API the first time the device is used here.
     */
    static RequestSpecification device(UUID id) {
        return RestAssured.given()
                .header("Authorization", "Device " + credential(id))
                .contentType(ContentType.JSON);
    }

    /** The device's enrolment credential, issued by IT on first use (so while the device is in service). */
    static String credential(UUID id) {
        return CREDENTIALS.computeIfAbsent(id, device -> it().post("/api/v1/devices/" + device + "/credential")
                .then()
                .statusCode(201)
                .extract()
                .path("credential"));
    }

    /** A check-in sent with the given credential, whatever it is (a forged one, a revoked one). */
    static io.restassured.response.ValidatableResponse checkInWith(String credential, Map<String, Object> body) {
        return RestAssured.given()
                .header("Authorization", "Device " + credential)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/checkins")
                .then();
    }

    /** A compliant Windows laptop's check-in. */
    static Map<String, Object> checkIn() {
        Map<String, Object> body = new HashMap<>();
        body.put("os", Map.of("name", "Windows 11 Pro", "version", "10.0.22631", "build", "22631.3880"));
        body.put("lastPatchDate", LocalDate.now().minusDays(3).toString());
        body.put(
                "antivirus",
                Map.of("product", "Defender", "definitionsDate", LocalDate.now().toString()));
        body.put("diskEncryption", true);
        body.put("passwordProtection", true);
        body.put("network", Map.of("site", "LINCOLN-HS", "ipAddress", "10.20.30.40"));
        return body;
    }

    static Map<String, Object> withLocation(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("location", Map.of("latitude", 40.7128, "longitude", -74.006, "accuracyMeters", 25.0));
        return copy;
    }

    /** The body reporting the command done, with the nonce it came with. */
    static Map<String, Object> completing(Map<String, Object> body, String commandId, String nonce) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("completedCommands", List.of(Map.of("id", commandId, "nonce", nonce)));
        return copy;
    }

    /** The body reporting what became of the command (DONE, REFUSED, FAILED), with the nonce it came with. */
    static Map<String, Object> completing(Map<String, Object> body, String commandId, String nonce, String result) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("completedCommands", List.of(Map.of("id", commandId, "nonce", nonce, "result", result)));
        return copy;
    }

    /** The body saying whether the district's lock is in force on the device. */
    static Map<String, Object> locked(Map<String, Object> body, boolean locked) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("locked", locked);
        return copy;
    }
}
