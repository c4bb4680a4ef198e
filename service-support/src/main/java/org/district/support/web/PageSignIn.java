package org.district.support.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A page opened without a session, or with a session cookie that no longer opens one (signed out, ended, copied from
 * before, made up), starts the sign-in again: the answer is the sign-in layer's challenge, the redirect to the
 * identity provider's login page. Authentication runs on demand in these services, so Quarkus leaves this answer to
 * the REST layer, whose answer for the API (401 problem details) a person in a browser could not use. The API's
 * refusals stay problem details.
 */
public class PageSignIn {

    /** Before {@link ProblemMappers}' answers to the same failures (priority 1), which are the API's. */
    @ServerExceptionMapper(priority = 0)
    public Uni<Response> signInAgain(AuthenticationFailedException e, RoutingContext routing, UriInfo uri) {
        return answer(routing, uri);
    }

    @ServerExceptionMapper(priority = 0)
    public Uni<Response> signInFirst(UnauthorizedException e, RoutingContext routing, UriInfo uri) {
        return answer(routing, uri);
    }

    private static Uni<Response> answer(RoutingContext routing, UriInfo uri) {
        HttpAuthenticator authenticator = routing.get(HttpAuthenticator.class.getName());
        if (routing.normalizedPath().startsWith("/api/") || authenticator == null) {
            return Uni.createFrom().item(ProblemMappers.build(ProblemException.unauthenticated(), uri));
        }
        return authenticator.getChallenge(routing).map(challenge -> {
            Response.ResponseBuilder answer = Response.status(challenge.status).header("Cache-Control", "no-store");
            challenge.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
            return answer.build();
        });
    }
}
