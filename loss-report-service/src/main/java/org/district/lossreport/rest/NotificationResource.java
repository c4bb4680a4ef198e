package org.district.lossreport.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.district.lossreport.Notification;
import org.district.lossreport.notify.DeliveryStatus;
import org.district.lossreport.repository.NotificationRepository;
import org.district.support.problem.Params;
import org.district.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every notification delivery, for IT and auditors: recipient, channel, status, attempts and last error. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationResource {

    @Inject
    NotificationRepository notifications;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "List notification deliveries",
            description = "Newest first; filter by report id and status (PENDING, RETRYING, SENT, FAILED).")
    public PageView<NotificationView> list(
            @QueryParam("reportId") String reportId,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        int size = Params.intInRange("limit", limit, 1, LossReportResource.MAX_LIMIT, 50);
        Cursors.Position position = Cursors.decode(cursor);
        List<Notification> rows = notifications.search(
                Params.uuid("reportId", reportId),
                Params.enumValue("status", status, DeliveryStatus.class),
                position == null ? null : new NotificationRepository.After(position.at(), position.id()),
                size);
        boolean more = rows.size() > size;
        List<Notification> page = more ? rows.subList(0, size) : rows;
        Notification last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new PageView<>(
                page.stream().map(NotificationView::of).toList(),
                size,
                more ? Cursors.encode(last.createdAt, last.id) : null);
    }
}
