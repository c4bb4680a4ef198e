package org.district.checkin.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.district.checkin.security.CallerNetwork;
import org.district.support.limits.RateLimits;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts an attempt to exchange an enrolment code (the endpoint marked {@link EnrolmentResource.CodeExchange}) against
 * the caller's network ({@link CallerNetwork}) as soon as the request is matched, before its body is read
 * or checked: beyond the allowance the answer is 429 whatever the body holds, so a guesser cannot make the service
 * parse body after body.
 */
public class EnrolmentLimitFilter {

    @Inject
    RateLimits limits;

    @ServerRequestFilter
    public void limit(ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(EnrolmentResource.CodeExchange.class)) {
            limits.takeOrRefuse(EnrolmentResource.LIMIT, CallerNetwork.of(http.remoteAddress()), "enrolment attempts");
        }
    }
}
