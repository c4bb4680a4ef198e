package org.district.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Generates bad (and a few valid-after-all) request bodies for one JSON operation from its OpenAPI schema: malformed
 * JSON, wrong types, missing required fields, unknown enum values, out-of-range numbers and dates, very long strings,
 * oversized bodies, unexpected fields, and SQL-, script- and template-like strings in every string field.
 */
final class BadInputs {

    /** What a probe tries, and whether a 2xx answer to it can be right. */
    enum Category {
        MALFORMED_JSON(false),
        WRONG_TYPE(false),
        MISSING_REQUIRED(false),
        NULL_REQUIRED(false),
        UNKNOWN_ENUM(false),
        OUT_OF_RANGE_NUMBER(false),
        OUT_OF_RANGE_DATE(true),
        BAD_DATE(false),
        TOO_LONG_STRING(false),
        OVERSIZED_BODY(false),
        EXTRA_FIELD(false),
        WRONG_CONTENT_TYPE(false),
        INJECTION_STRING(true),
        ODD_TEXT(true),
        SEED(true);

        final boolean mayBeAccepted;

        Category(boolean mayBeAccepted) {
            this.mayBeAccepted = mayBeAccepted;
        }
    }

    /**
     * One input to send.
     *
     * @param field the JSON path of the field it is about (null for the whole body)
     * @param mustNameField a 400 answer must name {@code field}: the error is one of type or shape, found before any
     *     business rule
     */
    record Probe(
            Category category,
            String name,
            String field,
            String contentType,
            byte[] body,
            boolean chunked,
            boolean mustNameField) {}

    static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE device; --",
            "\" OR \"1\"=\"1",
            "Robert'); DELETE FROM person; --",
            "<script>alert('x')</script>",
            "{{7*7}}${7*7}#{7*7}",
            "${jndi:ldap://127.0.0.1:1/a}",
            "=cmd|' /C calc'!A0");

    static final List<String> ODD_TEXTS = List.of(
            "nul\u0000byte",
            "\u202Eevil\u202C",
            "emoji \uD83D\uDCBB ok",
            "lone \uD800 surrogate",
            "   ",
            "tab\tand\nnewline");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApi api;
    private final JsonNode seed;
    private final JsonNode schema;
    private final List<Probe> probes = new ArrayList<>();

    private BadInputs(OpenApi api, JsonNode schema, JsonNode seed) {
        this.api = api;
        this.schema = schema;
        this.seed = seed;
    }

    /** The probes for an operation whose body schema is {@code schema}; {@code seed} is a (mostly) valid body. */
    static List<Probe> forOperation(OpenApi api, JsonNode schema, JsonNode seed) {
        BadInputs inputs = new BadInputs(api, schema, seed == null ? null : seed.deepCopy());
        inputs.generate();
        return inputs.probes;
    }

    /** A body built from the schema: the required fields with plausible values. */
    static JsonNode synthesize(OpenApi api, JsonNode schema) {
        JsonNode s = api.resolve(schema);
        if (s == null) {
            return NODES.objectNode();
        }
        String type = s.path("type").asText("object");
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        switch (type) {
            case "array": {
                ArrayNode array = NODES.arrayNode();
                array.add(synthesize(api, s.get("items")));
                return array;
            }
            case "object": {
                ObjectNode object = NODES.objectNode();
                for (JsonNode required : s.path("required")) {
                    String name = required.asText();
                    object.set(name, synthesize(api, s.path("properties").get(name)));
                }
                return object;
            }
            case "boolean":
                return NODES.booleanNode(true);
            case "integer":
            case "number":
                return NODES.numberNode(s.has("minimum") ? s.get("minimum").asDouble() + 1 : 1);
            default: {
                String format = s.path("format").asText("");
                if (format.equals("date")) {
                    return NODES.textNode(DistrictSystem.today().minusDays(1).toString());
                }
                if (format.equals("date-time")) {
                    return NODES.textNode(
                            Instant.now().minus(1, ChronoUnit.HOURS).toString());
                }
                if (format.equals("uuid")) {
                    return NODES.textNode(UUID.randomUUID().toString());
                }
                String pattern = s.path("pattern").asText(null);
                for (String candidate : List.of("A1", "+1 555 0100", "Text")) {
                    if (pattern == null
                            || Pattern.compile(pattern).matcher(candidate).find()) {
                        return NODES.textNode(candidate);
                    }
                }
                return NODES.textNode("A1");
            }
        }
    }

    private void generate() {
        JsonNode base = seed != null ? seed : synthesize(api, schema);
        JsonNode root = api.resolve(schema);
        add(Category.SEED, "the seed body", null, base, false);

        // Malformed JSON and wrong shapes of the whole body.
        raw(Category.MALFORMED_JSON, "unclosed object", "{");
        raw(Category.MALFORMED_JSON, "value missing", "{\"a\":}");
        raw(Category.MALFORMED_JSON, "not JSON at all", "this is not json");
        raw(Category.MALFORMED_JSON, "empty body", "");
        raw(Category.MALFORMED_JSON, "JSON null", "null");
        raw(Category.MALFORMED_JSON, "trailing garbage", base + " trailing");
        raw(Category.MALFORMED_JSON, "single quotes", base.toString().replace('"', '\''));
        raw(Category.MALFORMED_JSON, "comment in JSON", "/* comment */ " + base);
        raw(Category.MALFORMED_JSON, "nested 5000 deep", "[".repeat(5000) + "]".repeat(5000));
        raw(Category.MALFORMED_JSON, "invalid UTF-8 bytes", null);
        raw(Category.WRONG_TYPE, "body of the other JSON kind", base.isArray() ? "{}" : "[]");
        raw(Category.WRONG_TYPE, "body is a number", "42");

        // Oversized bodies, with and without a declared length.
        String big = "x".repeat(1_100_000);
        ObjectNode oversized = base.isObject() ? ((ObjectNode) base.deepCopy()) : NODES.objectNode();
        oversized.put("padding", big);
        probes.add(new Probe(
                Category.OVERSIZED_BODY,
                "1.1 MB body",
                null,
                "application/json",
                oversized.toString().getBytes(StandardCharsets.UTF_8),
                false,
                false));
        probes.add(new Probe(
                Category.OVERSIZED_BODY,
                "1.1 MB body sent chunked",
                null,
                "application/json",
                oversized.toString().getBytes(StandardCharsets.UTF_8),
                true,
                false));

        // The right body with the wrong content type.
        probes.add(new Probe(
                Category.WRONG_CONTENT_TYPE,
                "as text/plain",
                null,
                "text/plain",
                base.toString().getBytes(StandardCharsets.UTF_8),
                false,
                false));
        probes.add(new Probe(
                Category.WRONG_CONTENT_TYPE,
                "as application/xml",
                null,
                "application/xml",
                base.toString().getBytes(StandardCharsets.UTF_8),
                false,
                false));

        // Field by field, into nested objects and array items.
        if (base.isArray() && root != null && root.has("items")) {
            fields(api.resolve(root.get("items")), "[0]", base, path -> path);
        } else if (root != null) {
            fields(root, "", base, path -> path);
        }
    }

    private void fields(
            JsonNode objectSchema, String prefix, JsonNode base, java.util.function.UnaryOperator<String> p) {
        if (objectSchema == null || !objectSchema.has("properties")) {
            return;
        }
        List<String> required = new ArrayList<>();
        objectSchema.path("required").forEach(r -> required.add(r.asText()));
        String at = prefix.isEmpty() ? "" : prefix + ".";
        // Unexpected field next to the known ones.
        add(
                Category.EXTRA_FIELD,
                "unexpected field",
                at + "unexpectedField",
                base,
                body -> target(body, prefix).put("unexpectedField", "surprise"),
                true);
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        objectSchema.get("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            String path = at + name;
            JsonNode s = api.resolve(property.getValue());
            if (s == null) {
                continue;
            }
            if (required.contains(name)) {
                add(
                        Category.MISSING_REQUIRED,
                        "missing " + name,
                        path,
                        base,
                        body -> target(body, prefix).remove(name),
                        false);
                add(
                        Category.NULL_REQUIRED,
                        name + " null",
                        path,
                        base,
                        body -> target(body, prefix).putNull(name),
                        false);
            }
            String type = s.path("type").asText(s.has("properties") ? "object" : "string");
            String format = s.path("format").asText("");
            if (s.has("enum")) {
                set(
                        Category.UNKNOWN_ENUM,
                        name + " unknown value",
                        prefix,
                        path,
                        name,
                        base,
                        NODES.textNode("NOT_A_" + name.toUpperCase()),
                        true);
                set(Category.WRONG_TYPE, name + " as number", prefix, path, name, base, NODES.numberNode(42), true);
                set(Category.WRONG_TYPE, name + " as object", prefix, path, name, base, NODES.objectNode(), true);
                continue;
            }
            switch (type) {
                case "object" -> {
                    set(Category.WRONG_TYPE, name + " as text", prefix, path, name, base, NODES.textNode("text"), true);
                    set(Category.WRONG_TYPE, name + " as array", prefix, path, name, base, NODES.arrayNode(), true);
                    // One level into the nested object, starting from a valid one.
                    JsonNode nestedBase = target(base.deepCopy(), prefix).get(name);
                    if (nestedBase == null || !nestedBase.isObject()) {
                        JsonNode nested = synthesize(api, s);
                        ObjectNode withNested = base.deepCopy();
                        target(withNested, prefix).set(name, nested);
                        fields(s, path, withNested, p);
                    } else {
                        fields(s, path, base, p);
                    }
                }
                case "array" -> {
                    set(Category.WRONG_TYPE, name + " as text", prefix, path, name, base, NODES.textNode("x"), true);
                    set(Category.WRONG_TYPE, name + " as object", prefix, path, name, base, NODES.objectNode(), true);
                    ArrayNode many = NODES.arrayNode();
                    int max = s.path("maxItems").asInt(1000);
                    for (int i = 0; i <= max; i++) {
                        many.add(UUID.randomUUID().toString());
                    }
                    set(
                            Category.OUT_OF_RANGE_NUMBER,
                            name + " with " + (max + 1) + " items",
                            prefix,
                            path,
                            name,
                            base,
                            many,
                            false);
                    ArrayNode bad = NODES.arrayNode();
                    bad.add("not-a-uuid");
                    set(Category.WRONG_TYPE, name + " with a bad item", prefix, path, name, base, bad, false);
                }
                case "boolean" -> {
                    set(
                            Category.WRONG_TYPE,
                            name + " as text",
                            prefix,
                            path,
                            name,
                            base,
                            NODES.textNode("maybe"),
                            true);
                    set(Category.WRONG_TYPE, name + " as number", prefix, path, name, base, NODES.numberNode(2), true);
                    set(Category.WRONG_TYPE, name + " as object", prefix, path, name, base, NODES.objectNode(), true);
                }
                case "integer", "number" -> {
                    set(
                            Category.WRONG_TYPE,
                            name + " as text",
                            prefix,
                            path,
                            name,
                            base,
                            NODES.textNode("twelve"),
                            true);
                    set(
                            Category.WRONG_TYPE,
                            name + " as boolean",
                            prefix,
                            path,
                            name,
                            base,
                            NODES.booleanNode(true),
                            true);
                    set(Category.WRONG_TYPE, name + " as object", prefix, path, name, base, NODES.objectNode(), true);
                    if (s.has("minimum")) {
                        set(
                                Category.OUT_OF_RANGE_NUMBER,
                                name + " below minimum",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.numberNode(s.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)),
                                false);
                    }
                    if (s.has("maximum")) {
                        set(
                                Category.OUT_OF_RANGE_NUMBER,
                                name + " above maximum",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.numberNode(s.get("maximum").decimalValue().add(java.math.BigDecimal.ONE)),
                                false);
                    }
                    set(
                            Category.OUT_OF_RANGE_NUMBER,
                            name + " 1e400",
                            prefix,
                            path,
                            name,
                            base,
                            NODES.numberNode(new java.math.BigDecimal("1e400")),
                            false);
                    set(
                            Category.OUT_OF_RANGE_NUMBER,
                            name + " -1e400",
                            prefix,
                            path,
                            name,
                            base,
                            NODES.numberNode(new java.math.BigDecimal("-1e400")),
                            false);
                    if (s.has("multipleOf")) {
                        set(
                                Category.OUT_OF_RANGE_NUMBER,
                                name + " with too many decimals",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.numberNode(new java.math.BigDecimal("1.005")),
                                false);
                    }
                }
                default -> {
                    if (format.equals("date") || format.equals("date-time")) {
                        boolean date = format.equals("date");
                        set(
                                Category.BAD_DATE,
                                name + " not a date",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.textNode("yesterday"),
                                true);
                        set(
                                Category.BAD_DATE,
                                name + " impossible date",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.textNode(date ? "2026-02-30" : "2026-02-30T10:00:00Z"),
                                true);
                        set(
                                Category.BAD_DATE,
                                name + " as number",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.numberNode(20260101),
                                false);
                        set(
                                Category.OUT_OF_RANGE_DATE,
                                name + " far future",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.textNode(date ? "9999-12-31" : "9999-12-31T23:59:59Z"),
                                false);
                        set(
                                Category.OUT_OF_RANGE_DATE,
                                name + " far past",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.textNode(date ? "0001-01-01" : "0001-01-01T00:00:00Z"),
                                false);
                        set(
                                Category.OUT_OF_RANGE_DATE,
                                name + " beyond year 9999",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.textNode(date ? "+12026-01-01" : "+12026-01-01T00:00:00Z"),
                                false);
                        continue;
                    }
                    if (format.equals("uuid")) {
                        set(
                                Category.WRONG_TYPE,
                                name + " not a UUID",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.textNode("not-a-uuid"),
                                true);
                        set(
                                Category.WRONG_TYPE,
                                name + " as number",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.numberNode(7),
                                false);
                        continue;
                    }
                    set(
                            Category.WRONG_TYPE,
                            name + " as number",
                            prefix,
                            path,
                            name,
                            base,
                            NODES.numberNode(12345),
                            false);
                    set(Category.WRONG_TYPE, name + " as object", prefix, path, name, base, NODES.objectNode(), true);
                    set(Category.WRONG_TYPE, name + " as array", prefix, path, name, base, NODES.arrayNode(), true);
                    int max = s.path("maxLength").asInt(0);
                    if (max > 0) {
                        set(
                                Category.TOO_LONG_STRING,
                                name + " " + (max + 1) + " characters",
                                prefix,
                                path,
                                name,
                                base,
                                NODES.textNode("A".repeat(max + 1)),
                                false);
                    }
                    set(
                            Category.TOO_LONG_STRING,
                            name + " 100000 characters",
                            prefix,
                            path,
                            name,
                            base,
                            NODES.textNode("A".repeat(100_000)),
                            false);
                    for (String injection : INJECTIONS) {
                        set(
                                Category.INJECTION_STRING,
                                name + " = " + injection,
                                prefix,
                                path,
                                name,
                                base,
                                NODES.textNode(injection),
                                false);
                    }
                    for (String odd : ODD_TEXTS) {
                        set(
                                Category.ODD_TEXT,
                                name + " = " + odd.replaceAll("\\p{Cntrl}", "?"),
                                prefix,
                                path,
                                name,
                                base,
                                NODES.textNode(odd),
                                false);
                    }
                }
            }
        }
    }

    private void set(
            Category category,
            String label,
            String prefix,
            String path,
            String name,
            JsonNode base,
            JsonNode value,
            boolean mustNameField) {
        add(category, label, path, base, body -> target(body, prefix).set(name, value), mustNameField);
    }

    private void add(
            Category category,
            String label,
            String path,
            JsonNode base,
            Consumer<JsonNode> change,
            boolean mustNameField) {
        JsonNode body = base.deepCopy();
        change.accept(body);
        add(category, label, path, body, mustNameField);
    }

    private void add(Category category, String label, String path, JsonNode body, boolean mustNameField) {
        probes.add(new Probe(
                category,
                label,
                path,
                "application/json",
                body.toString().getBytes(StandardCharsets.UTF_8),
                false,
                mustNameField));
    }

    private void raw(Category category, String label, String text) {
        byte[] bytes = text == null
                ? new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}
                : text.getBytes(StandardCharsets.UTF_8);
        probes.add(new Probe(category, label, null, "application/json", bytes, false, false));
    }

    /** The object at a dotted path ("", "acquisition", "[0]", "[0].acquisition") inside a body. */
    private static ObjectNode target(JsonNode body, String prefix) {
        JsonNode node = body;
        if (!prefix.isEmpty()) {
            for (String part : prefix.split("\\.")) {
                if (part.startsWith("[")) {
                    node = node.get(Integer.parseInt(part.substring(1, part.length() - 1)));
                } else {
                    JsonNode next = node.get(part);
                    if (next == null || !next.isObject()) {
                        next = ((ObjectNode) node).putObject(part);
                    }
                    node = next;
                }
            }
        }
        return (ObjectNode) node;
    }
}
