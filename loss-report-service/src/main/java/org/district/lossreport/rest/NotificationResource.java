package org.district.lossreport.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.district.lossreport.domain.DeliveryStatus;
import org.district.lossreport.service.NotificationService;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every notification delivery, for IT and auditors: recipient, channel, status, attempts and last error. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "List notification deliveries",
            description = "Newest first; filter by report id and status (PENDING, RETRYING, SENT, FAILED).")
    public PageView<NotificationView> list(
            @QueryParam("reportId") String reportId, @QueryParam("status") String status, @BeanParam PageParams page) {
        int size = page.size();
        return notifications
                .search(
                        Params.uuid("reportId", reportId),
                        Params.enumValue("status", status, DeliveryStatus.class),
                        page.cursor(),
                        size)
                .map(NotificationView::of);
    }
}
