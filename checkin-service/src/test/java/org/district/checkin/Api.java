package org.district.checkin;

import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.testing.TestApi;

/** Request helpers: the callers these tests use (see {@link TestApi}) and valid check-in bodies. */
final class Api {

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

    static RequestSpecification device(UUID id) {
        return as(id.toString(), "DEVICE");
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

    static Map<String, Object> completing(Map<String, Object> body, String... commandIds) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("completedCommands", List.of(commandIds));
        return copy;
    }
}
