package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.district.console.api.InventoryApi;
import org.district.console.api.LossReportApi;
import org.district.console.api.Page;
import org.district.console.api.Views.Device;
import org.district.console.api.Views.LossReport;
import org.district.console.api.Views.NewReport;
import org.district.console.api.Views.PoliceReport;
import org.district.console.web.Failures.FieldError;
import org.district.contracts.DistrictIds;
import org.district.support.security.Roles;
import org.district.support.time.DistrictClock;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Staff report a device they hold as lost or stolen from "My devices", and follow their reports in "My reports",
 * where they add the police case number of a theft. The form takes the time the device was last seen in the
 * district's time zone, as people read their clocks; the report itself is filed with loss-report-service as the
 * signed-in person, which decides whether the device is theirs to report.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    static final List<String> KINDS = List.of("LOST", "STOLEN");

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The form as the person filled it in: every value kept when it comes back with errors. */
    public static class ReportForm {
        @FormParam("kind")
        public String kind;

        @FormParam("lastSeenDate")
        public String lastSeenDate;

        @FormParam("lastSeenTime")
        public String lastSeenTime;

        @FormParam("lastSeenLocation")
        public String lastSeenLocation;

        @FormParam("circumstances")
        public String circumstances;

        @FormParam("contactPhone")
        public String contactPhone;

        @FormParam("policeNotified")
        public String policeNotified;

        @FormParam("policeAgency")
        public String policeAgency;

        @FormParam("policeCaseNumber")
        public String policeCaseNumber;

        /** Files the report once however often the form is sent (the Idempotency-Key of the API). */
        @FormParam("key")
        public String key;

        public boolean police() {
            return "yes".equals(policeNotified);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reportForm(
                Chrome chrome, Device device, ReportForm form, List<FieldError> errors);

        static native TemplateInstance myReports(
                Chrome chrome, Page<LossReport> reports, String filed, String recorded, Set<UUID> policeRecordable);

        static native TemplateInstance policeForm(
                Chrome chrome, LossReport report, String agency, String caseNumber, List<FieldError> errors);
    }

    /** The form's fields by the API's names for them, with the label a sentence names them by. */
    private static final Map<String, String[]> FIELDS = Map.of(
            "kind", new String[] {"kind-lost", "Lost or stolen"},
            "lastSeenAt", new String[] {"lastSeenDate", "The time you last had it"},
            "lastSeenLocation", new String[] {"lastSeenLocation", "Where you last had it"},
            "circumstances", new String[] {"circumstances", "How it happened"},
            "contactPhone", new String[] {"contactPhone", "Your phone number"},
            "policeNotified", new String[] {"police-yes", "Whether you told the police"},
            "policeAgency", new String[] {"policeAgency", "The police agency"},
            "policeCaseNumber", new String[] {"policeCaseNumber", "The case number"});

    @Inject
    Flash flash;

    @Inject
    Pages pages;

    @Inject
    DistrictClock clock;

    @Inject
    Language language;

    @Inject
    @RestClient
    InventoryApi inventory;

    @Inject
    @RestClient
    LossReportApi lossReports;

    @GET
    @Path("/devices/{id}/report-loss")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN})
    public Response reportForm(@PathParam("id") String id) {
        Device device = inventory.device(DevicePages.uuid(id));
        ReportForm form = new ReportForm();
        form.lastSeenDate = clock.today().toString();
        form.key = UUID.randomUUID().toString();
        return DevicePages.html(Templates.reportForm(pages.chrome("devices"), device, form, List.of()));
    }

    @POST
    @Path("/devices/{id}/report-loss")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN})
    public Response report(@PathParam("id") String id, @BeanParam ReportForm form) {
        Device device = inventory.device(DevicePages.uuid(id));
        List<FieldError> errors = new ArrayList<>();
        Staff words = language.staff();
        String kind = DevicePages.choice(form.kind, KINDS);
        if (kind == null) {
            errors.add(new FieldError("kind-lost", words.chooseKind()));
        }
        LocalDate day = null;
        LocalTime time = null;
        try {
            day = DevicePages.blank(form.lastSeenDate) == null ? null : LocalDate.parse(form.lastSeenDate.trim());
        } catch (DateTimeException e) {
            // reported below
        }
        try {
            time = DevicePages.blank(form.lastSeenTime) == null ? null : LocalTime.parse(form.lastSeenTime.trim());
        } catch (DateTimeException e) {
            // reported below
        }
        if (day == null) {
            errors.add(new FieldError("lastSeenDate", words.enterDate()));
        }
        if (time == null) {
            errors.add(new FieldError("lastSeenTime", words.enterTime()));
        }
        // Every field left empty is named at once, as the API would name it, not one round after another.
        for (String[] required : List.of(
                new String[] {"lastSeenLocation", form.lastSeenLocation, words.enterWhere()},
                new String[] {"circumstances", form.circumstances, words.enterHow()},
                new String[] {"contactPhone", form.contactPhone, words.enterPhone()})) {
            if (DevicePages.blank(required[1]) == null) {
                errors.add(new FieldError(required[0], required[2]));
            }
        }
        form.key = keyOf(form.key);
        if (errors.isEmpty()) {
            NewReport report = new NewReport(
                    device.assetTag(),
                    kind,
                    day.atTime(time).atZone(clock.zone()).toInstant(),
                    DevicePages.blank(form.lastSeenLocation),
                    DevicePages.blank(form.circumstances),
                    DevicePages.blank(form.contactPhone),
                    form.police(),
                    form.police() ? DevicePages.blank(form.policeAgency) : null,
                    form.police() ? DevicePages.blank(form.policeCaseNumber) : null);
            try {
                LossReport filed = lossReports.file(form.key, report);
                return Flash.seeOther("/my-reports", "filed", filed.reportNumber())
                        .build();
            } catch (WebApplicationException e) {
                errors.addAll(refused(e, form, words));
            }
        }
        return DevicePages.html(422, Templates.reportForm(pages.chrome("devices"), device, form, errors));
    }

    /**
     * The key the form files its report with: the one the page was given (a UUID), or a new one when it came back
     * missing or as something the page never holds (edited in the page).
     */
    static String keyOf(String sent) {
        return sent != null && UUID_TEXT.matcher(sent).matches()
                ? sent
                : UUID.randomUUID().toString();
    }

    /**
     * The loss-report service's refusal of the form, by the fields it names. A form whose key already filed another
     * report (sent once, changed and sent again, or a key edited in the page) says so and gets a new key: with the old
     * one every later send would be refused the same way, whatever the person corrected.
     */
    static List<FieldError> refused(WebApplicationException e, ReportForm form, Staff words) {
        Failures.Refusal refusal = Failures.refusedInput(e);
        if (refusal.is("idempotency-key-reused")) {
            form.key = UUID.randomUUID().toString();
            return List.of(new FieldError("kind-lost", words.filedFromThisFormBefore()));
        }
        if (refusal.errors().isEmpty()) {
            return List.of(new FieldError("kind-lost", refusal.detail()));
        }
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : refusal.errors()) {
            String[] field = FIELDS.getOrDefault(error.field(), new String[] {"kind-lost", "This report"});
            errors.add(new FieldError(field[0], field[1] + " " + error.message()));
        }
        return errors;
    }

    @GET
    @Path("/my-reports")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR})
    public Response myReports(@QueryParam("cursor") String cursor) {
        Page<LossReport> reports =
                lossReports.reports(null, null, null, DevicePages.blank(cursor), DevicePages.PAGE_SIZE);
        Set<UUID> recordable = reports.items().stream()
                .filter(this::mayRecordPolice)
                .map(LossReport::id)
                .collect(Collectors.toSet());
        return DevicePages.html(Templates.myReports(
                pages.chrome("my-reports"),
                reports,
                Notices.reportNumber(flash.take("filed")),
                Notices.reportNumber(flash.take("recorded")),
                recordable));
    }

    /**
     * Whether the signed-in person may add the police case number: the reporter and IT, as the loss-report service
     * decides (a supervisor reading their person's report is not offered a form the service would refuse).
     */
    private boolean mayRecordPolice(LossReport report) {
        return pages.is(Roles.IT_ADMIN) || DistrictIds.same(pages.districtId(), report.reportedBy());
    }

    @GET
    @Path("/my-reports/{id}/police")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN})
    public Response policeForm(@PathParam("id") String id) {
        LossReport report = lossReports.report(DevicePages.uuid(id));
        if (!mayRecordPolice(report)) {
            throw new NotFoundException();
        }
        String agency = report.police() == null ? null : report.police().agency();
        return DevicePages.html(Templates.policeForm(pages.chrome("my-reports"), report, agency, null, List.of()));
    }

    @POST
    @Path("/my-reports/{id}/police")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN})
    public Response recordPolice(
            @PathParam("id") String id,
            @FormParam("policeAgency") String agency,
            @FormParam("policeCaseNumber") String caseNumber) {
        UUID reportId = DevicePages.uuid(id);
        LossReport report = lossReports.report(reportId);
        List<FieldError> errors = new ArrayList<>();
        try {
            lossReports.policeReport(
                    reportId, new PoliceReport(DevicePages.blank(agency), DevicePages.blank(caseNumber)));
            return (pages.seesEverything()
                            ? Response.seeOther(URI.create("/loss-reports/" + reportId))
                            : Flash.seeOther("/my-reports", "recorded", report.reportNumber()))
                    .build();
        } catch (WebApplicationException e) {
            Failures.Refusal refusal = Failures.refusedInput(e);
            if (refusal.errors().isEmpty()) {
                errors.add(new FieldError("policeAgency", refusal.detail()));
            }
            for (FieldError error : refusal.errors()) {
                String[] field = FIELDS.getOrDefault(error.field(), new String[] {"policeAgency", "This report"});
                errors.add(new FieldError(field[0], field[1] + " " + error.message()));
            }
        }
        return DevicePages.html(
                422, Templates.policeForm(pages.chrome("my-reports"), report, agency, caseNumber, errors));
    }
}
