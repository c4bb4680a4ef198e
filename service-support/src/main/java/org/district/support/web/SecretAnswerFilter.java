package org.district.support.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Applies {@link SecretAnswer}: no cache may keep what the endpoint answers, whatever the status. */
public class SecretAnswerFilter {

    /** What the answers of a {@link SecretAnswer} endpoint send as Cache-Control. */
    public static final String CACHE_CONTROL = "no-cache, no-store, no-transform";

    @ServerResponseFilter
    public void noStore(ResourceInfo resource, ContainerResponseContext response) {
        Method method = resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(SecretAnswer.class)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            response.getHeaders().putSingle("Pragma", "no-cache");
        }
    }
}
