package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.district.checkin.domain.ReturnTaskFilter;
import org.district.checkin.service.ReturnTaskService;
import org.district.checkin.service.ReturnedRequest;
import org.district.support.paging.Cursors;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Devices departing people must return: the list for IT and HR, and IT receiving a device. */
@Path("/api/v1/return-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Return on departure")
public class ReturnTaskResource {

    @Inject
    ReturnTaskService tasks;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.AUDITOR})
    @Operation(
            summary = "Return tasks",
            description = "Filters: status (comma-separated OPEN, OVERDUE, RETURNED, CLOSED), school, due date range"
                    + " (dueFrom, dueTo, inclusive), person. Ordered by due date.")
    public PageView<ReturnTaskView> search(@BeanParam ReturnTaskSearch search, @BeanParam PageParams page) {
        int size = page.size();
        ReturnTaskFilter filter = search.filter();
        Cursors.Position after = page.after(2);
        return PageView.of(
                tasks.search(filter, after == null ? null : after.date(0), after == null ? null : after.id(1), size),
                size,
                ReturnTaskView::of,
                t -> Cursors.encode(t.dueOn, t.id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.AUDITOR})
    @Operation(summary = "A return task")
    public ReturnTaskView get(@PathParam("id") String id) {
        return ReturnTaskView.of(tasks.get(Params.pathId("return task", id)));
    }

    @POST
    @Path("/{id}/returned")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "IT received the device",
            description = "The task becomes RETURNED and inventory moves the device to QUARANTINED (sensitive data) or"
                    + " IN_STOCK. Receiving it again changes nothing.")
    public ReturnTaskView returned(@PathParam("id") String id, @Valid ReturnedRequest request) {
        return ReturnTaskView.of(tasks.markReturned(
                Params.pathId("return task", id), request == null ? null : request.note(), caller.actor()));
    }
}
