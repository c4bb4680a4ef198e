package org.district.support.problem;

import java.util.List;
import java.util.Map;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;

/**
 * An answer of the HTTP layer itself (sign-in missing, body too large, method not allowed, an unexpected error),
 * carrying everything its problem details response needs. Domain code never throws it: it throws a
 * {@link org.district.support.domain.DomainException}, which {@link ProblemMappers#problemFor} turns into one of these.
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
        // However many fields a body gets wrong, one answer lists a bounded number (its detail says there are more):
        // a 1 MiB body of empty list entries would otherwise make an answer of tens of megabytes.
        this.errors = errors == null
                ? List.of()
                : List.copyOf(
                        errors.size() > InvalidException.LISTED_AT_MOST
                                ? errors.subList(0, InvalidException.LISTED_AT_MOST)
                                : errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** 401: no valid sign-in came with the request. */
    public static ProblemException unauthenticated() {
        return plain(
                401,
                "unauthenticated",
                "Sign-in required",
                "Send a valid bearer token in the Authorization header.",
                Map.of("WWW-Authenticate", "Bearer"));
    }

    /** 413: the body is larger than this address accepts. */
    public static ProblemException payloadTooLarge(String length, long maxBytes) {
        return plain(
                413,
                "payload-too-large",
                "Request body too large",
                "The request body is " + length + " bytes; at most " + maxBytes + " bytes are accepted here.",
                Map.of());
    }

    /** 411: a JSON or form body sent in chunks, whose length is known only once it has been read. */
    public static ProblemException lengthRequired(long maxBytes) {
        return plain(
                411,
                "length-required",
                "Length required",
                "Send the request body with a Content-Length header (at most " + maxBytes
                        + " bytes); only CSV uploads may be sent in chunks.",
                Map.of());
    }

    /** 429: a caller over a rate limit, told how long to wait before trying again (also in Retry-After). */
    public static ProblemException tooManyRequests(String what, long retryAfterSeconds) {
        return plain(
                429,
                "too-many-requests",
                "Too many requests",
                "Too many " + what + " from you in a short time; try again in " + retryAfterSeconds + " seconds.",
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 500: something unexpected; the answer reveals nothing of it. */
    public static ProblemException internalError() {
        return plain(
                500,
                "internal-error",
                "Unexpected error",
                "Something went wrong on our side. Nothing was changed. Quote the correlation id to IT.",
                Map.of());
    }

    /** A problem about the request as a whole, naming no field. */
    private static ProblemException plain(
            int status, String slug, String title, String detail, Map<String, String> headers) {
        return new ProblemException(status, slug, title, detail, null, headers);
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
