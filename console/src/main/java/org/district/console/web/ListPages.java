package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.district.console.api.CheckInApi;
import org.district.console.api.LossReportApi;
import org.district.console.api.Page;
import org.district.console.api.Views.LossReport;
import org.district.console.api.Views.LostSeenDevice;
import org.district.console.api.Views.ReturnTask;
import org.district.console.api.Views.Returned;
import org.district.console.web.Failures.FieldError;
import org.district.support.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * IT's queues: the open loss reports, newest first; the return tasks HR's offboardings opened, with "received" (asked
 * on a page that names the device); the lost devices that checked in lately.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ListPages {

    static final List<String> TASK_STATUSES = List.of("OPEN", "OVERDUE", "RETURNED", "CLOSED");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lossReports(Chrome chrome, Page<LossReport> reports, String cursor);

        static native TemplateInstance returnTasks(
                Chrome chrome,
                String status,
                String school,
                Page<ReturnTask> tasks,
                String cursor,
                boolean acts,
                String received);

        static native TemplateInstance confirmReceived(Chrome chrome, ReturnTask task, List<FieldError> errors);

        static native TemplateInstance lostSeen(Chrome chrome, String school, List<LostSeenDevice> devices);
    }

    @Inject
    Flash flash;

    @Inject
    Pages pages;

    @Inject
    Names names;

    @Inject
    @RestClient
    LossReportApi lossReports;

    @Inject
    @RestClient
    CheckInApi checkin;

    @GET
    @Path("/loss-reports")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    public Response lossReports(@QueryParam("cursor") String cursor) {
        String after = DevicePages.blank(cursor);
        Page<LossReport> reports = lossReports.reports("OPEN", null, null, after, DevicePages.PAGE_SIZE);
        names.load(reports.items().stream().map(LossReport::reportedBy).toList());
        return DevicePages.html(Templates.lossReports(pages.chrome("loss-reports"), reports, after));
    }

    @GET
    @Path("/return-tasks")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.HR})
    public Response returnTasks(
            @QueryParam("status") String status,
            @QueryParam("school") String school,
            @QueryParam("cursor") String cursor) {
        String chosen = DevicePages.choice(status, TASK_STATUSES);
        String statuses = chosen == null ? "OPEN,OVERDUE" : chosen;
        String after = DevicePages.blank(cursor);
        Page<ReturnTask> tasks = checkin.returnTasks(statuses, DevicePages.blank(school), after, DevicePages.PAGE_SIZE);
        names.loadPeople(tasks.items().stream().map(ReturnTask::personId).toList());
        return DevicePages.html(Templates.returnTasks(
                pages.chrome("return-tasks"),
                chosen,
                DevicePages.blank(school),
                tasks,
                after,
                pages.acts(),
                Notices.assetTag(flash.take("received"))));
    }

    @GET
    @Path("/return-tasks/{id}/received")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response confirmReceived(@PathParam("id") String id) {
        ReturnTask task = checkin.returnTask(DevicePages.uuid(id));
        names.loadPeople(List.of(task.personId()));
        return DevicePages.html(Templates.confirmReceived(pages.chrome("return-tasks"), task, List.of()));
    }

    @POST
    @Path("/return-tasks/{id}/received")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response received(@PathParam("id") String id, @FormParam("note") String note) {
        pages.requireActor();
        UUID taskId = DevicePages.uuid(id);
        String text = DevicePages.blank(note);
        ReturnTask task = checkin.returnTask(taskId);
        if (text != null && text.length() > 1000) {
            names.loadPeople(List.of(task.personId()));
            return DevicePages.html(
                    422,
                    Templates.confirmReceived(
                            pages.chrome("return-tasks"),
                            task,
                            List.of(new FieldError("note", "Keep the note to 1,000 characters or fewer."))));
        }
        try {
            checkin.returned(taskId, new Returned(text));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 409) {
                throw e;
            }
            names.loadPeople(List.of(task.personId()));
            return DevicePages.html(
                    409,
                    Templates.confirmReceived(
                            pages.chrome("return-tasks"),
                            task,
                            List.of(new FieldError("note", Failures.refusal(e).detail()))));
        }
        return Flash.seeOther("/return-tasks", "received", task.assetTag()).build();
    }

    @GET
    @Path("/devices/lost-seen")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    public Response lostSeen(@QueryParam("school") String school) {
        String only = DevicePages.blank(school);
        return DevicePages.html(Templates.lostSeen(pages.chrome("devices"), only, checkin.lostSeen(only)));
    }
}
