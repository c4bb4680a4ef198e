package org.district.lossreport.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.district.lossreport.domain.DeliveryStatus;
import org.district.lossreport.service.NotificationService;
import org.district.support.openapi.Paged;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Roles;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every notification delivery, for IT and auditors: recipient, channel, status, attempts and last error. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Notifications",
        description = "Every notification the service sent or is sending (emails and webhook posts), for IT and"
                + " auditors: recipient, channel, delivery status, attempts and last error.")
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listNotifications",
            summary = "List notification deliveries",
            description = "For IT and auditors. Newest first; optionally only those of one report and in one status"
                    + " (PENDING, RETRYING, SENT, FAILED). Paged: pass nextCursor back as cursor for the next page"
                    + " (absent on the last page).")
    @Paged(
            name = "NotificationPage",
            description = "One page of notification deliveries, newest first.",
            cursorExample = "MTc3MjQ4MzkwMS4wfDBiOGU2ZjNjLTJkNGEtNGU5Yi04YzdkLTVhMWYyZTNkNGM1Yg")
    @APIResponse(
            responseCode = "200",
            description = "One page of deliveries, newest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationView.class)))
    public PageView<NotificationView> list(
            @Parameter(
                            description = "Only the deliveries about this loss report: its id",
                            example = "8d2f4b7a-5c1e-4f3a-b6d9-0e7c1a2b3c4d",
                            schema = @Schema(implementation = String.class, type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("reportId")
                    String reportId,
            @Parameter(
                            description = "Only the deliveries in this status (case-insensitive)",
                            example = "FAILED",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"PENDING", "RETRYING", "SENT", "FAILED"}))
                    @QueryParam("status")
                    String status,
            @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        UUID report = check.get(() -> Params.uuid("reportId", reportId));
        DeliveryStatus deliveryStatus = check.get(() -> Params.enumValue("status", status, DeliveryStatus.class));
        int size = page.size(check);
        return notifications.search(report, deliveryStatus, page.cursor(), size).map(NotificationView::of);
    }
}
