package org.district.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.district.support.domain.FieldViolation;

/**
 * An RFC 9457 problem details body, served as {@code application/problem+json}.
 *
 * @param type a URN naming the kind of problem, stable for clients to switch on
 * @param title a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request, written for the person who sent it
 * @param instance the request path
 * @param errors the fields that are wrong, when there are any
 * @param correlationId the id to quote when asking IT about this request
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldViolation> errors,
        String correlationId) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Prefix of every problem type URN. */
    public static final String TYPE_PREFIX = "urn:district:problem:";

    /** The body answering {@code e}, for the request at {@code instance}. */
    public static Problem of(ProblemException e, String instance, String correlationId) {
        return new Problem(
                TYPE_PREFIX + e.slug(), e.title(), e.status(), e.getMessage(), instance, e.errors(), correlationId);
    }

    /** The body answering {@code e} as JSON, for answers written outside the REST layer (plain HTTP routes). */
    public static byte[] json(ObjectMapper mapper, ProblemException e, String instance, String correlationId) {
        try {
            return mapper.writeValueAsBytes(of(e, instance, correlationId));
        } catch (JsonProcessingException impossible) {
            return ("{\"status\":" + e.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
