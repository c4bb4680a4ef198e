package org.district.checkin.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.district.support.security.Caller;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The page a person gets for a dashboard form refused for its CSRF token (missing, or not the one of this browser's
 * page, typically a page left open past the token's time). quarkus-rest-csrf refuses such a form before the resource
 * runs, with a bare 400; this says in words what happened and what to do.
 */
public class ExpiredFormPage {

    @Inject
    Caller caller;

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        // The resource's own refusals always carry a body; only the CSRF filter's does not.
        if (response.getStatus() != 400
                || response.hasEntity()
                || !"POST".equals(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/dashboard/")) {
            return;
        }
        String page = DashboardResource.Templates.refused(
                        "This form has expired",
                        "Nothing was changed. Please reload the dashboard and try again.",
                        caller.actor(),
                        null)
                .render();
        response.setEntity(page, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
