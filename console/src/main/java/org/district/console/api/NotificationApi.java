package org.district.console.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.district.console.api.Views.Notification;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** loss-report-service's notifications of a report and how their delivery went, as the signed-in person. */
@RegisterRestClient(configKey = "loss-report")
@RegisterClientHeaders(SignedInToken.class)
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationApi {

    @GET
    Page<Notification> ofReport(@QueryParam("reportId") String reportId, @QueryParam("limit") Integer limit);
}
