package org.district.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.district.testing.TestTokens;

/** Plain JSON calls that a drill's scenario makes one at a time, each expected to succeed with a given status. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Http() {}

    static String bearer(String subject, String role) {
        return "Bearer " + TestTokens.token(subject, role);
    }

    /** POSTs the body (an object serialized as JSON) and returns the answer's JSON; fails unless the status matches. */
    static JsonNode post(String url, String bearer, Object body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Fixtures.REQUEST_TIMEOUT)
                        .header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expectedStatus) {
            throw new IllegalStateException(
                    "POST " + url + " answered " + r.statusCode() + " (expected " + expectedStatus + "): " + r.body());
        }
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
