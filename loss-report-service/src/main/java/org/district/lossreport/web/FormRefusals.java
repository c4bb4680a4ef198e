package org.district.lossreport.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.district.support.security.Caller;
import org.district.support.web.Correlation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Turns the CSRF check's refusal of a page's form into a page a person can read. quarkus-rest-csrf answers a form
 * without this browser's token (or with another one) with an empty 400 before the page sees it; nothing was saved, and
 * the person is told so and asked to open the form again. The API's answers are left alone: they are problem details.
 */
public class FormRefusals {

    @Inject
    Caller caller;

    @Inject
    FormTokens tokens;

    @ServerResponseFilter
    public void explain(
            ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest httpRequest) {
        if (response.getStatus() != 400
                || response.hasEntity()
                || request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        PageHeader header = new PageHeader(caller.subject(), tokens.current(httpRequest));
        ErrorPage page = new ErrorPage(
                header,
                403,
                "The form has expired",
                "This form was not sent from this site's page, or the page is too old. Nothing was saved. Open the"
                        + " page again and send the form once more.",
                Correlation.current());
        response.setStatus(403);
        response.getHeaders().putSingle("Content-Type", MediaType.TEXT_HTML + ";charset=UTF-8");
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.setEntity(WebPages.Templates.error(page).render());
    }
}
