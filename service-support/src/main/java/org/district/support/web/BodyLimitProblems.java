package org.district.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.district.support.problem.Problem;
import org.district.support.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than the HTTP server takes ({@code quarkus.http.limits.max-body-size}) with the same
 * {@code application/problem+json} 413 as every other refusal, instead of the server's empty one: a body that says
 * its length is refused before it is read (just ahead of the server's own check), one sent in chunks once it has run
 * over (the server fails the request, and this answers the failure). The connection is closed: the rest of the body
 * is not read.
 */
@ApplicationScoped
public class BodyLimitProblems {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::declared);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void declared(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)) {
            if (Long.parseLong(length) > limit.asLongValue()) {
                answer(rc);
                return;
            }
        }
        rc.next();
    }

    private void failed(RoutingContext rc) {
        if (rc.statusCode() != 413 || rc.response().headWritten()) {
            rc.next();
            return;
        }
        answer(rc);
    }

    private void answer(RoutingContext rc) {
        String correlation = Correlation.acceptOrCreate(rc.request().getHeader(Correlation.HEADER));
        long max = limit.asLongValue();
        ProblemException problem = ProblemException.payloadTooLarge("more than " + max, max);
        byte[] json = Problem.json(mapper, problem, rc.request().path(), correlation);
        rc.response()
                .setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(Correlation.HEADER, correlation)
                .putHeader("Connection", "close")
                .end(Buffer.buffer(json));
    }
}
