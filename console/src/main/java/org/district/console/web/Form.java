package org.district.console.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.district.console.web.Failures.FieldError;

/**
 * A form as the person filled it in, with what is wrong with it: the values are kept when the form comes back, and
 * each field knows its message, for the error summary and for the field ({@code form.field('assetTag')}).
 */
public final class Form {

    private final Map<String, String> values;
    private final List<FieldError> errors;

    /** One field: its value and, when it is wrong, the sentence that says why. */
    public record Field(String name, String value, String error) {

        public boolean bad() {
            return error != null;
        }

        /** The ids of the field's hint and message, for aria-describedby; empty when it has neither. */
        public String describedBy(Object hint) {
            boolean hinted = hint != null && !hint.toString().isEmpty() && !Boolean.FALSE.equals(hint);
            String ids = (hinted ? name + "-hint " : "") + (bad() ? name + "-error" : "");
            return ids.strip();
        }

        public boolean is(String choice) {
            return choice.equalsIgnoreCase(value == null ? "" : value);
        }
    }

    public Form(Map<String, String> values, List<FieldError> errors) {
        this.values = new LinkedHashMap<>(values);
        this.errors = List.copyOf(errors);
    }

    public static Form empty(Map<String, String> defaults) {
        return new Form(defaults, List.of());
    }

    public Form withErrors(List<FieldError> found) {
        return new Form(values, found);
    }

    public Field field(String name) {
        String error = errors.stream()
                .filter(e -> e.field().equals(name))
                .map(FieldError::message)
                .findFirst()
                .orElse(null);
        return new Field(name, values.get(name), error);
    }

    public String value(String name) {
        return values.get(name);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * An amount in dollars as people type it ("$1,049.50"); none for an empty field. One that is no amount adds the
     * field's message ("Cost must be an amount in dollars, ...") to {@code errors} and gives none.
     */
    static BigDecimal amount(String raw, String field, String label, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.replace("$", "").replace(",", "").strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, label + " must be an amount in dollars, for example 349.99."));
            return null;
        }
    }
}
