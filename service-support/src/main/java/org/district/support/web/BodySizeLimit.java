package org.district.support.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses oversized request bodies with a 413 problem before they are read. JSON and form bodies are small by nature;
 * CSV uploads (imports) are streamed and may be larger, up to {@code quarkus.http.limits.max-body-size}. A JSON or
 * form body must state its length: one sent in chunks (no Content-Length) could otherwise pass this check and be read
 * up to that larger limit, so it is refused with 411.
 */
public class BodySizeLimit {

    @Inject
    HttpSettings settings;

    @ServerRequestFilter(preMatching = true, priority = 100)
    public Optional<jakarta.ws.rs.core.Response> limit(ContainerRequestContext request) {
        int length = request.getLength();
        boolean chunked = length < 0 && request.getHeaderString("Transfer-Encoding") != null;
        if (!chunked && length <= settings.maxJsonBodyBytes()) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        boolean streamed = type != null
                && (type.getSubtype().equalsIgnoreCase("csv") || type.getType().equalsIgnoreCase("text"));
        if (streamed) {
            return Optional.empty();
        }
        ProblemException problem = chunked
                ? ProblemException.lengthRequired(settings.maxJsonBodyBytes())
                : ProblemException.payloadTooLarge(Integer.toString(length), settings.maxJsonBodyBytes());
        return Optional.of(ProblemMappers.build(problem, request.getUriInfo()));
    }
}
