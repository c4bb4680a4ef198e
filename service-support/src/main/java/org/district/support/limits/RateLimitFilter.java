package org.district.support.limits;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.district.support.security.Caller;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimited} to REST endpoints: each signed-in caller (by the token's or session's subject) has its
 * own allowance; beyond it the answer is 429 with Retry-After, before the endpoint runs. Anonymous requests are not
 * counted here (they are refused by the endpoint's roles anyway).
 */
public class RateLimitFilter {

    @Inject
    RateLimits limits;

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public void limit(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
        if (limited == null || identity.isAnonymous()) {
            return;
        }
        limits.takeOrRefuse(limited.value(), Caller.subjectOf(identity), limited.value());
    }
}
