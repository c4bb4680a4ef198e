package org.district.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AsyncAPI document the jar ships ({@value #RESOURCE}), read from the class path, and validation of JSON against
 * the schemas in it.
 *
 * <p>Schemas are addressed by JSON pointer into the document ({@code /components/messages/LossReported/payload}), so
 * their {@code $ref}s resolve as any AsyncAPI tool resolves them. Payloads use the AsyncAPI schema format, JSON Schema
 * draft 7 plus a few annotations, so they are validated as draft 7, with {@code format} asserted (uuid, date-time,
 * date).
 */
final class AsyncApiDocument {

    static final String RESOURCE = "asyncapi/events.yaml";

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final JsonNode root;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    /** The document as packaged: fails when the jar would not contain it. */
    static AsyncApiDocument load() {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new AsyncApiDocument(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** The node at a JSON pointer ({@code /channels/devices}); a missing node if there is none. */
    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** The node itself, or the node its {@code $ref} (a local reference, {@code #/...}) points to, followed on. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops > 10) {
                throw new IllegalStateException("Reference loop at " + node);
            }
            current = at(pointerOf(current.get("$ref").asText()));
        }
        return current;
    }

    /** The JSON pointer of a local reference: {@code #/components/schemas/X} gives {@code /components/schemas/X}. */
    static String pointerOf(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("Only local references are used in this document: " + ref);
        }
        return ref.substring(1);
    }

    /** The errors of validating JSON text against the schema at a JSON pointer; empty when it is valid. */
    List<String> validate(String schemaPointer, String json) {
        Schema schema = schemas.computeIfAbsent(
                schemaPointer,
                pointer -> SCHEMAS.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + pointer)));
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(json, InputFormat.JSON)) {
            errors.add(error.toString());
        }
        return errors;
    }
}
