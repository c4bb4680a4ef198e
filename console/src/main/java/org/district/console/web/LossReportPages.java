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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.district.console.api.LossReportApi;
import org.district.console.api.NotificationApi;
import org.district.console.api.Views.LossReport;
import org.district.console.api.Views.Notification;
import org.district.console.api.Views.Recovery;
import org.district.console.api.Views.ReportDetail;
import org.district.console.api.Views.ReportEntry;
import org.district.console.api.Views.WriteOff;
import org.district.console.web.Failures.FieldError;
import org.district.support.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One loss report as IT works it: what was reported, by whom, the police, whether IT and the supervisor were told
 * (each notification's delivery), its history; and, for IT, recovering the device or writing it off with what is
 * owed for it.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LossReportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(
                Chrome chrome,
                ReportDetail report,
                List<Notification> notifications,
                boolean acts,
                String note,
                String cost,
                List<FieldError> errors,
                String done);
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
    NotificationApi notifications;

    /**
     * A report's page: where the messages about a report link, for whoever they went to. IT and auditors see the report;
     * the person who filed it is taken to their reports, and the holder and their supervisor to the device's page. To
     * anyone else loss-report-service answers that there is no such report, and so does this page.
     */
    @GET
    @Path("/loss-reports/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.HR, Roles.SUPERVISOR, Roles.STAFF, Roles.PRINCIPAL})
    public Response report(@PathParam("id") String id) {
        UUID reportId = DevicePages.uuid(id);
        if (pages.seesEverything()) {
            return DevicePages.html(page(reportId, null, null, List.of(), DevicePages.blank(flash.take("done"))));
        }
        LossReport report = lossReports.report(reportId);
        String me = pages.districtId();
        URI where = report.device() == null || (me != null && me.equalsIgnoreCase(report.reportedBy()))
                ? URI.create("/my-reports")
                : URI.create("/devices/" + report.device().id());
        return Response.seeOther(where).build();
    }

    @POST
    @Path("/loss-reports/{id}/recovery")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response recover(@PathParam("id") String id, @FormParam("note") String note) {
        pages.requireActor();
        UUID reportId = DevicePages.uuid(id);
        try {
            lossReports.recover(reportId, new Recovery(DevicePages.blank(note)));
            return Flash.seeOther("/loss-reports/" + reportId, "done", "recovered")
                    .build();
        } catch (WebApplicationException e) {
            return refused(reportId, e, "note", note, null);
        }
    }

    @POST
    @Path("/loss-reports/{id}/write-off")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response writeOff(
            @PathParam("id") String id, @FormParam("costOwed") String cost, @FormParam("note") String note) {
        pages.requireActor();
        UUID reportId = DevicePages.uuid(id);
        BigDecimal owed = null;
        try {
            owed = DevicePages.blank(cost) == null
                    ? null
                    : new BigDecimal(cost.trim().replace("$", "").replace(",", ""));
        } catch (NumberFormatException e) {
            // named below
        }
        if (owed == null) {
            return DevicePages.html(
                    422,
                    page(
                            reportId,
                            note,
                            cost,
                            List.of(new FieldError(
                                    "costOwed",
                                    "Enter the amount owed in dollars, for example 250.00 (0 when nothing is owed).")),
                            null));
        }
        try {
            lossReports.writeOff(reportId, new WriteOff(owed, DevicePages.blank(note)));
            return Flash.seeOther("/loss-reports/" + reportId, "done", "written-off")
                    .build();
        } catch (WebApplicationException e) {
            return refused(reportId, e, "costOwed", note, cost);
        }
    }

    private Response refused(UUID reportId, WebApplicationException e, String field, String note, String cost) {
        Failures.Refusal refusal = Failures.refusedInput(e);
        List<FieldError> errors = new ArrayList<>();
        if (refusal.errors().isEmpty()) {
            errors.add(new FieldError(field, refusal.detail()));
        }
        for (FieldError error : refusal.errors()) {
            String label = error.field().equals("costOwed") ? "The amount owed" : "The note";
            errors.add(new FieldError(
                    error.field().equals("costOwed") ? "costOwed" : field, label + " " + error.message()));
        }
        return DevicePages.html(
                e.getResponse().getStatus() == 409 ? 409 : 422, page(reportId, note, cost, errors, null));
    }

    private TemplateInstance page(UUID reportId, String note, String cost, List<FieldError> errors, String done) {
        ReportDetail report = lossReports.detail(reportId);
        List<Notification> sent =
                notifications.ofReport(reportId.toString(), 50).items();
        List<String> people = new ArrayList<>(List.of(report.reportedBy()));
        if (report.holderDistrictId() != null) {
            people.add(report.holderDistrictId());
        }
        if (report.history() != null) {
            people.addAll(Names.actorIds(
                    report.history().stream().map(ReportEntry::actor).toList()));
        }
        names.load(people);
        return Templates.report(
                pages.chrome("loss-reports"),
                report,
                sent,
                pages.acts() && "OPEN".equals(report.status()),
                note,
                cost,
                errors,
                done);
    }
}
