package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A running service's OpenAPI document: its operations and their request-body schemas ({@code $ref}s resolved). */
final class OpenApi {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** The security scheme of the identity provider's bearer tokens (quarkus.smallrye-openapi.security-scheme-name). */
    static final String BEARER = "bearer";

    /** The security scheme of a browser's session with a service's pages (begun at the identity provider). */
    static final String SESSION = "session";

    /** The extension listing the roles an operation admits (service-support's ApiContract writes it). */
    static final String ROLES = "x-roles";

    /**
     * One operation of the document: {@code declaredRoles} are the roles its security requirements name, {@code
     * declaredSchemes} the security schemes other than the identity provider's (its bearer tokens for the API, the
     * browser session its sign-in page begins for pages) it admits; {@code spec} is the operation's part of the
     * document.
     */
    record Operation(
            String service,
            String baseUrl,
            String method,
            String path,
            List<String> requestTypes,
            JsonNode bodySchema,
            Set<String> declaredRoles,
            Set<String> declaredSchemes,
            JsonNode spec) {

        String key() {
            return service + " " + method + " " + path;
        }

        boolean takesJson() {
            return requestTypes.contains("application/json");
        }

        @Override
        public String toString() {
            return key();
        }
    }

    final String service;
    final String baseUrl;
    final JsonNode document;

    private OpenApi(String service, String baseUrl, JsonNode document) {
        this.service = service;
        this.baseUrl = baseUrl;
        this.document = document;
    }

    static OpenApi of(String service, String baseUrl) {
        Http.Reply reply = Http.get(baseUrl + "/q/openapi?format=json", null);
        assertThat(reply.status()).as("the OpenAPI document is open: " + reply).isEqualTo(200);
        return new OpenApi(service, baseUrl, reply.json());
    }

    private static boolean isWrappedRef(JsonNode s) {
        return !s.has("$ref")
                && s.path("allOf").size() == 1
                && s.path("allOf").get(0).has("$ref");
    }

    /** A document already read (the tests of the tests). */
    static OpenApi of(String service, String baseUrl, JsonNode document) {
        return new OpenApi(service, baseUrl, document);
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<String> types = new ArrayList<>();
                JsonNode schema = null;
                JsonNode content = op.getValue().path("requestBody").path("content");
                for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
                    String type = it.next();
                    types.add(type);
                    if (type.equals("application/json")) {
                        schema = resolve(content.get(type).get("schema"));
                    }
                }
                Set<String> roles = new TreeSet<>();
                Set<String> schemes = new TreeSet<>();
                op.getValue().path(ROLES).forEach(r -> roles.add(r.asText()));
                for (JsonNode requirement : op.getValue().path("security")) {
                    requirement.fieldNames().forEachRemaining(scheme -> {
                        if (!scheme.equals(BEARER) && !scheme.equals(SESSION)) {
                            schemes.add(scheme);
                        }
                    });
                }
                operations.add(new Operation(
                        service,
                        baseUrl,
                        op.getKey().toUpperCase(),
                        path.getKey(),
                        types,
                        schema,
                        roles,
                        schemes,
                        op.getValue()));
            }
        }
        return operations;
    }

    /**
     * The schema itself when it is a {@code $ref}, followed until it is not; a property that refers to a schema with a
     * description or an example of its own is written {@code allOf: [{$ref}]} in OpenAPI 3.0, and is that schema.
     */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        int hops = 0;
        while (s != null && (s.has("$ref") || isWrappedRef(s)) && hops++ < 20) {
            if (isWrappedRef(s)) {
                s = s.get("allOf").get(0);
                continue;
            }
            String ref = s.get("$ref").asText();
            String[] parts = ref.replaceFirst("^#/", "").split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            s = target.isMissingNode() ? null : target;
        }
        return s;
    }
}
