package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract check itself, without the services: an answer the document does not describe (an undocumented status,
 * an undeclared property, a wrong media type, a missing field, a wrong type) is reported, a described one is not. If
 * the validator were lenient, ContractIT's "0 mismatches" would mean nothing.
 */
class ContractTest {

    private static final String DOCUMENT =
            """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/api/v1/devices/{id}": {"get": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
              "responses": {
                "200": {"description": "the device", "headers": {"ETag": {"required": true, "schema": {"type": "string"}}},
                  "content": {"application/json": {"schema": {"type": "object", "required": ["id", "status"],
                    "properties": {"id": {"type": "string", "format": "uuid"},
                                   "status": {"type": "string", "enum": ["IN_STOCK", "ASSIGNED"]}}}}}},
                "404": {"description": "none", "content": {"application/problem+json": {"schema": {"type": "object",
                  "required": ["type", "title", "status"], "properties": {"type": {"type": "string"},
                  "title": {"type": "string"}, "status": {"type": "integer"}}}}}}}}}}}
            """;

    private static final String URL = "http://localhost/api/v1/devices/3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21";
    private static final String DEVICE = "{\"id\": \"3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21\", \"status\": \"ASSIGNED\"}";

    private final Contract contract = Contract.of(OpenApi.of("t", "http://localhost", Http.JSON.readTree(DOCUMENT)));

    ContractTest() throws Exception {}

    @Test
    void anAnswerAsDocumentedPasses() {
        assertThat(check(200, "application/json", DEVICE, Map.of("etag", "\"3\"")))
                .isEmpty();
        assertThat(check(
                        404,
                        "application/problem+json",
                        "{\"type\": \"x\", \"title\": \"t\", \"status\": 404}",
                        Map.of()))
                .isEmpty();
    }

    @Test
    void everyKindOfDifferenceIsReported() {
        assertThat(check(418, "application/problem+json", "{}", Map.of())).anyMatch(m -> m.contains("status.unknown"));
        assertThat(check(200, "application/json", DEVICE.replace("}", ", \"stack\": \"x\"}"), Map.of("etag", "1")))
                .anyMatch(m -> m.contains("additionalProperties"));
        assertThat(check(200, "text/plain", DEVICE, Map.of("etag", "1"))).anyMatch(m -> m.contains("contentType"));
        assertThat(check(
                        200,
                        "application/json",
                        "{\"id\": \"3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21\"}",
                        Map.of("etag", "1")))
                .anyMatch(m -> m.contains("required"));
        assertThat(check(200, "application/json", DEVICE.replace("ASSIGNED", "MISLAID"), Map.of("etag", "1")))
                .anyMatch(m -> m.contains("enum"));
        assertThat(check(200, "application/json", DEVICE, Map.of())).anyMatch(m -> m.contains("header"));
    }

    private java.util.List<String> check(int status, String type, String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("content-type", type);
        return contract.check("GET", new Http.Reply("GET", URL, status, all, body.getBytes(StandardCharsets.UTF_8)));
    }
}
