package org.district.support.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.district.support.problem.Problem;
import org.district.support.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body the HTTP server itself cut off ({@code quarkus.http.limits.max-body-size}, counted as it arrives,
 * chunked or not) with the same {@code application/problem+json} 413 as every other refusal, instead of the server's
 * empty one. The connection is closed: the rest of the body is not read.
 */
@ApplicationScoped
public class BodyLimitProblems {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext rc) {
        if (rc.statusCode() != 413 || rc.response().headWritten()) {
            rc.next();
            return;
        }
        String correlation = Correlation.acceptOrCreate(rc.request().getHeader(Correlation.HEADER));
        long max = limit.asLongValue();
        ProblemException problem = ProblemException.payloadTooLarge("more than " + max, max);
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(Problem.of(problem, rc.request().path(), correlation));
        } catch (JsonProcessingException impossible) {
            json = "{\"status\":413}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        rc.response()
                .setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(Correlation.HEADER, correlation)
                .putHeader("Connection", "close")
                .end(Buffer.buffer(json));
    }
}
