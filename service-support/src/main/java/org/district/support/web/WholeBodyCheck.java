package org.district.support.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.Violations;
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;

/**
 * One answer names every bad field of a JSON body. Jackson stops at the first value it cannot read, so a body with a
 * number for a text, an unknown type and three missing fields would be refused one field at a time, over four tries.
 * When reading fails, this reads the same body again field by field (records, recursively; arrays of records by
 * index): every value that cannot be read, every unknown field, and what Bean Validation finds in the rest (missing
 * required fields, lengths, patterns) make one 400. Bodies that read well pass untouched, and Bean Validation runs on
 * them as before.
 *
 * <p>The body is held in memory to be read twice; JSON bodies are at most {@code district.http.max-json-body-bytes}
 * (1 MiB), which {@link BodySizeLimit} checks before any reading.
 */
@Provider
public class WholeBodyCheck implements ReaderInterceptor {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /** For the REST layer, which injects the fields. */
    public WholeBodyCheck() {}

    /** For a route that reads its body itself (the check-in route): the same check, with these. */
    public WholeBodyCheck(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json")) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        try {
            return context.proceed();
        } catch (JsonParseException notJson) {
            throw notJson;
        } catch (JsonMappingException first) {
            List<FieldViolation> all = check(body, mapper.constructType(context.getGenericType()));
            if (all.size() <= 1) {
                throw first;
            }
            throw ProblemMappers.invalid(all);
        }
    }

    /** Every bad field of {@code body} read as {@code type}; empty when it cannot tell more than Jackson did. */
    public List<FieldViolation> check(byte[] body, JavaType type) {
        return read(body, type).errors();
    }

    /**
     * What could be read of a body: the record with the values that could be read (null where a value could not be, or
     * null itself when the body is no record), and every bad field, ordered by name.
     */
    public record Reading(Object value, List<FieldViolation> errors) {}

    /** Reads {@code body} as {@code type} field by field: what {@link #check(byte[], JavaType)} names, and the rest. */
    public Reading read(byte[] body, JavaType type) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (IOException e) {
            return new Reading(null, List.of());
        }
        Map<String, String> errors = new TreeMap<>();
        Object value = check(tree, type, "", errors);
        List<FieldViolation> all = new ArrayList<>();
        errors.forEach((field, message) -> all.add(new FieldViolation(field, message)));
        return new Reading(value, all);
    }

    /**
     * Reads {@code node} as {@code type}, recording what is wrong under {@code path}; the value, or null. A record is
     * built from what could be read of it even when some of it could not, so that its holder is not also told it is
     * missing.
     */
    private Object check(JsonNode node, JavaType type, String path, Map<String, String> errors) {
        Class<?> raw = type.getRawClass();
        if (node != null && node.isObject() && raw.isRecord()) {
            return checkRecord(node, type, path, errors);
        }
        int before = errors.size();
        if (node != null
                && node.isArray()
                && type.isCollectionLikeType()
                && type.getContentType() != null
                && type.getContentType().getRawClass().isRecord()) {
            for (int i = 0; i < node.size() && !full(errors); i++) {
                check(node.get(i), type.getContentType(), path + "[" + i + "]", errors);
            }
            if (errors.size() > before) {
                return null;
            }
        }
        try {
            return mapper.readerFor(type).readValue(node);
        } catch (IOException e) {
            ProblemException problem = ProblemMappers.jsonProblem(e instanceof JsonMappingException m ? m : null);
            for (FieldViolation v : problem.errors()) {
                String field = v.field().equals("body") ? path : join(path, v.field());
                errors.putIfAbsent(field.isEmpty() ? "body" : field, v.message());
            }
            return null;
        }
    }

    private Object checkRecord(JsonNode node, JavaType type, String path, Map<String, String> errors) {
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        Map<String, Object> values = new TreeMap<>();
        Set<String> known = new LinkedHashSet<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            known.add(property.getName());
            JsonNode value = node.get(property.getName());
            Size size = value != null && value.isArray() ? declaredSize(type.getRawClass(), property) : null;
            if (size != null && value.size() > size.max()) {
                // Neither read nor validated entry by entry: a body can hold hundreds of thousands of them, each an
                // error of its own. The record is built without the list, so Bean Validation does not walk it either.
                errors.put(join(path, property.getName()), "size must be between " + size.min() + " and " + size.max());
                continue;
            }
            if (value != null && !value.isNull()) {
                values.put(
                        property.getInternalName(),
                        check(value, property.getPrimaryType(), join(path, property.getName()), errors));
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext() && !full(errors); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.put(join(path, name), "is not a known field.");
            }
        }
        Object record = construct(type.getRawClass(), values);
        if (record != null && !full(errors)) {
            for (FieldViolation v : Violations.of(validator.validate(record))) {
                String field = join(path, v.field());
                // A value that could not be read is reported once, as unreadable, not also as missing.
                errors.putIfAbsent(field, v.message());
            }
        }
        return record;
    }

    /**
     * Whether more fields are wrong than one answer lists: reading stops there (one more than it lists, so the answer
     * says there are more), however many entries or unknown fields the rest of the body holds.
     */
    private static boolean full(Map<String, String> errors) {
        return errors.size() > InvalidException.LISTED_AT_MOST;
    }

    /** The {@code @Size} declared on the record's component behind the property, or null. */
    private static Size declaredSize(Class<?> record, BeanPropertyDefinition property) {
        if (!record.isRecord()) {
            return null;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getName().equals(property.getInternalName())) {
                return component.getAccessor().getAnnotation(Size.class);
            }
        }
        return null;
    }

    /** The record with the values that could be read (nulls, or zeros, for the rest); null if it refuses them. */
    private static Object construct(Class<?> type, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object value = values.get(components[i].getName());
            args[i] = value != null ? value : zero(types[i]);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == char.class) {
            return (char) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }

    private static String join(String path, String field) {
        if (path.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? path + field : path + "." + field;
    }
}
