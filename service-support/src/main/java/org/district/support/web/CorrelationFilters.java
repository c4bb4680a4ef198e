package org.district.support.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives every HTTP request a correlation id and echoes it in the response. */
public class CorrelationFilters {

    private static final String PROPERTY = CorrelationFilters.class.getName();

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = Correlation.acceptOrCreate(request.getHeaderString(Correlation.HEADER));
        request.setProperty(PROPERTY, id);
        Correlation.set(id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(Correlation.HEADER, id.toString());
        }
    }
}
