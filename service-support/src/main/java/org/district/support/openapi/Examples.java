package org.district.support.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The example of a body, built from the examples its schema's properties declare (each record documents its own
 * fields once; every request and answer that carries it shows them together). A value the schema gives no example
 * for is left out, so an example never claims more than the document says.
 */
final class Examples {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final int DEPTH = 16;

    private final Components components;

    Examples(Components components) {
        this.components = components;
    }

    /** Gives every media type of {@code content} that has a schema and no example one built from the schema. */
    void fill(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> entry : content.getMediaTypes().entrySet()) {
            MediaType media = entry.getValue();
            boolean has = media.getExample() != null
                    || (media.getExamples() != null && !media.getExamples().isEmpty());
            if (has || media.getSchema() == null) {
                continue;
            }
            Object example = entry.getKey().equals("text/html")
                    ? "<!DOCTYPE html><html lang=\"en\">…</html>"
                    : of(media.getSchema(), 0);
            if (example != null) {
                media.setExample(example);
            }
        }
    }

    /** The example of {@code schema}, or null when it declares none and none can be built. */
    Object of(Schema schema, int depth) {
        if (schema == null || depth > DEPTH) {
            return null;
        }
        // A property's own example comes before the one of the schema it refers to.
        Object own = declared(schema);
        if (own != null) {
            return own;
        }
        if (schema.getRef() != null) {
            String ref = schema.getRef();
            Schema target = ref.startsWith(SCHEMAS) && components.getSchemas() != null
                    ? components.getSchemas().get(ref.substring(SCHEMAS.length()))
                    : null;
            return of(target, depth + 1);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Schema part : schema.getAllOf()) {
                if (of(part, depth + 1) instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> merged.put(String.valueOf(k), v));
                }
            }
            return merged.isEmpty() ? null : merged;
        }
        for (List<Schema> choice : List.of(nonNull(schema.getOneOf()), nonNull(schema.getAnyOf()))) {
            for (Schema option : choice) {
                Object example = of(option, depth + 1);
                if (example != null) {
                    return example;
                }
            }
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.ARRAY)) {
            Object item = of(schema.getItems(), depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        if (types.contains(Schema.SchemaType.OBJECT) || schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    Object value = of(property, depth + 1);
                    if (value != null) {
                        object.put(name, value);
                    }
                });
            }
            return object;
        }
        if (types.contains(Schema.SchemaType.STRING)) {
            return byFormat(schema.getFormat());
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return Boolean.FALSE;
        }
        if (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER)) {
            return schema.getMinimum() != null ? schema.getMinimum().longValue() : null;
        }
        return null;
    }

    private static Object declared(Schema schema) {
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        return schema.getDefaultValue();
    }

    /** Values of the formats whose every value looks alike; other strings need an example of their own. */
    private static Object byFormat(String format) {
        if (format == null) {
            return null;
        }
        return switch (format) {
            case "uuid" -> "0b6f1d3e-5a7c-4e2b-9f10-3c8d2a4e6b71";
            case "date-time" -> "2026-09-14T15:30:00Z";
            case "date" -> "2026-09-14";
            case "email" -> "jrivera@district.example";
            default -> null;
        };
    }

    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
