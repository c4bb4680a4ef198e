package org.district.support.openapi;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** The component schemas a part of an API document refers to by {@code $ref}. */
final class Refs {

    private static final String SCHEMAS = "#/components/schemas/";

    private Refs() {}

    static void collect(Paths paths, List<String> into) {
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        paths.getPathItems().values().forEach(item -> {
            Optional.ofNullable(item.getParameters()).ifPresent(ps -> ps.forEach(p -> collect(p, into)));
            item.getOperations().values().forEach(op -> collect(op, into));
        });
    }

    private static void collect(Operation op, List<String> into) {
        Optional.ofNullable(op.getParameters()).ifPresent(ps -> ps.forEach(p -> collect(p, into)));
        if (op.getRequestBody() != null) {
            collect(op.getRequestBody().getContent(), into);
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            op.getResponses().getAPIResponses().values().forEach(r -> collect(r, into));
        }
    }

    static void collect(APIResponse response, List<String> into) {
        collect(response.getContent(), into);
        Optional.ofNullable(response.getHeaders())
                .ifPresent(hs -> hs.values().forEach(h -> collect(h.getSchema(), into)));
    }

    private static void collect(Parameter p, List<String> into) {
        collect(p.getSchema(), into);
        collect(p.getContent(), into);
    }

    private static void collect(Content content, List<String> into) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> collect(m.getSchema(), into));
        }
    }

    static void collect(Schema schema, List<String> into) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            into.add(schema.getRef().substring(SCHEMAS.length()));
        }
        Optional.ofNullable(schema.getProperties()).ifPresent(ps -> ps.values().forEach(s -> collect(s, into)));
        collect(schema.getItems(), into);
        collect(schema.getAdditionalPropertiesSchema(), into);
        collect(schema.getNot(), into);
        for (List<Schema> group : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (group != null) {
                group.forEach(s -> collect(s, into));
            }
        }
    }
}
