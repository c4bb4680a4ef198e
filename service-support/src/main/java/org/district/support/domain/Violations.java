package org.district.support.domain;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation's findings in the district's terms: each a field, named as the client sent it, and the reason. */
public final class Violations {

    private Violations() {}

    /** The violations as field violations, ordered by field and message so that answers are stable. */
    public static List<FieldViolation> of(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldViolation> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.add(new FieldViolation(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
        return errors;
    }

    /** Drops the method and parameter names Bean Validation puts in front of the property path. */
    public static String fieldName(Path path) {
        List<String> parts = new ArrayList<>();
        String parameterName = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> parts.clear();
                case PARAMETER -> {
                    parts.clear();
                    parameterName = node.getName();
                }
                default -> {
                    // Container elements are named like "<list element>": the index alone names them.
                    String name = node.getName() != null && node.getName().startsWith("<") ? null : node.getName();
                    if (node.getIndex() != null) {
                        String prefix = parts.isEmpty() ? "" : parts.remove(parts.size() - 1);
                        parts.add(prefix + "[" + node.getIndex() + "]" + (name == null ? "" : "." + name));
                    } else if (name != null) {
                        parts.add(name);
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            return parameterName == null ? "body" : parameterName;
        }
        return String.join(".", parts).replace(".[", "[");
    }
}
