package org.district.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.stream.Collectors;

/** An {@code application/problem+json} answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, Integer status, String detail, List<FieldError> errors) {

    /** One field the server refused, and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {}

    /** A problem for an answer that was not a problem document. */
    static Problem of(int status, String title) {
        return new Problem(null, title, status, null, List.of());
    }

    /** {@code title: detail}, control characters removed (the text comes from the server). */
    public String summary() {
        String t = title == null ? "HTTP " + status : title;
        return Text.stripControl(detail == null || detail.isBlank() ? t : t + ": " + detail);
    }

    /** The field errors as {@code field: message; ...}, or empty. */
    public String errorList() {
        if (errors == null || errors.isEmpty()) {
            return "";
        }
        return Text.stripControl(
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    }
}
