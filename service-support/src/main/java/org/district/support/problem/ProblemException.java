package org.district.support.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, carrying everything its problem details response needs. Domain code throws it
 * (through the factory methods) and {@link ProblemMappers} turns it into the response.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldViolation> errors;
    private final Map<String, String> headers;

    public ProblemException(
            int status,
            String slug,
            String title,
            String detail,
            List<FieldViolation> errors,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** 400: one field is wrong. */
    public static ProblemException invalidField(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    /** 400: some fields are wrong. */
    public static ProblemException invalid(List<FieldViolation> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid; see errors.";
        return new ProblemException(400, "validation-failed", "The request is not valid", detail, errors, null);
    }

    /** 404: the thing the request names does not exist (or the caller may not know that it does). */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(
                404, "not-found", "Not found", "No " + what + " with id '" + id + "' was found.", null, null);
    }

    /** 409: the request conflicts with the current state of the thing it changes. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict with the current state", detail, null, null);
    }

    /** 409 naming the field that conflicts, for example a duplicate asset tag. */
    public static ProblemException conflict(String slug, String field, String detail) {
        return new ProblemException(
                409, slug, "Conflict with the current state", detail, List.of(new FieldViolation(field, detail)), null);
    }

    /** 401: no valid sign-in came with the request. */
    public static ProblemException unauthenticated() {
        return new ProblemException(
                401,
                "unauthenticated",
                "Sign-in required",
                "Send a valid bearer token in the Authorization header.",
                null,
                Map.of("WWW-Authenticate", "Bearer"));
    }

    /** 413: the body is larger than this address accepts. */
    public static ProblemException payloadTooLarge(String length, long maxBytes) {
        return new ProblemException(
                413,
                "payload-too-large",
                "Request body too large",
                "The request body is " + length + " bytes; at most " + maxBytes + " bytes are accepted here.",
                null,
                Map.of());
    }

    /** 500: something unexpected; the answer reveals nothing of it. */
    public static ProblemException internalError() {
        return new ProblemException(
                500,
                "internal-error",
                "Unexpected error",
                "Something went wrong on our side. Nothing was changed. Quote the correlation id to IT.",
                null,
                null);
    }

    /** 403: the caller is known but may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null, null);
    }

    /** 412: an If-Match precondition failed because someone else changed the thing first. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
