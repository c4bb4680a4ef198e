package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.district.console.api.CheckInApi;
import org.district.console.api.InventoryApi;
import org.district.console.api.LossReportApi;
import org.district.console.api.Views.CheckInSummary;
import org.district.console.api.Views.DailyCount;
import org.district.console.api.Views.InventorySummary;
import org.district.console.api.Views.LossReportSummary;
import org.district.support.security.Roles;
import org.district.support.time.DistrictClock;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The start page of IT and auditors: what needs attention today, as tiles that each open the list behind their count,
 * and the same by school, with the last 30 days' check-ins and overdue devices as charts. Each tile's count comes from the service that owns it; a service that does not answer leaves
 * its tiles saying so while the others still show. Everyone else starts at their own work: HR at return tasks, staff
 * and supervisors at their devices, a principal who is nothing else at the personal device requests.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    private static final Logger LOG = Logger.getLogger(HomePage.class);

    /** One count of the home page and the list it opens; a null count is one its service could not give now. */
    public record Tile(String id, String label, Long count, String href, boolean attention) {}

    public record SchoolRow(String school, long overdue, long nonCompliant) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(
                Chrome chrome, String school, List<Tile> tiles, List<SchoolRow> schools, List<Chart> charts);
    }

    /** How many days the home page's charts show. */
    static final int CHART_DAYS = 30;

    @Inject
    Pages pages;

    @Inject
    DistrictClock clock;

    @Inject
    Together together;

    @Inject
    @RestClient
    InventoryApi inventory;

    @Inject
    @RestClient
    LossReportApi lossReports;

    @Inject
    @RestClient
    CheckInApi checkin;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.HR, Roles.SUPERVISOR, Roles.STAFF, Roles.PRINCIPAL})
    public Response home(@QueryParam("school") String school) {
        if (!pages.seesEverything()) {
            String start =
                    pages.is(Roles.HR) ? "/people" : pages.principalOnly() ? "/personal-devices/requests" : "/devices";
            return Response.seeOther(URI.create(start)).build();
        }
        String only = school == null || school.isBlank() ? null : school.trim();
        // The services are asked at once: the page waits for the slowest answer, not for their sum.
        Together.Call<CheckInSummary> askedCheckIns =
                together.start(() -> ask("check-ins", () -> checkin.summary(only)));
        Together.Call<LossReportSummary> askedReports =
                only == null ? together.start(() -> ask("loss reports", lossReports::summary)) : null;
        Together.Call<InventorySummary> askedDevices =
                together.start(() -> ask("devices", () -> inventory.summary(only)));
        Together.Call<List<DailyCount>> askedDaily =
                only == null ? together.start(() -> ask("daily counts", () -> checkin.daily(CHART_DAYS))) : null;
        CheckInSummary checkins = askedCheckIns.get();
        LossReportSummary reports = askedReports == null ? null : askedReports.get();
        InventorySummary devices = askedDevices.get();
        String in = only == null ? "" : "&school=" + Links.encode(only);
        String first = only == null ? "" : "?school=" + Links.encode(only);

        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile(
                "overdue",
                "Overdue for check-in",
                checkins == null ? null : checkins.overdue(),
                "/devices/overdue" + first,
                true));
        tiles.add(new Tile(
                "non-compliant",
                "Not compliant",
                checkins == null ? null : checkins.nonCompliant(),
                "/devices/non-compliant" + first,
                true));
        if (only == null) {
            tiles.add(new Tile(
                    "open-reports",
                    "Open loss reports",
                    reports == null ? null : reports.open(),
                    "/loss-reports",
                    true));
        }
        tiles.add(new Tile(
                "lost-seen",
                "Lost devices seen",
                checkins == null ? null : checkins.lostSeen(),
                "/devices/lost-seen" + first,
                true));
        tiles.add(new Tile(
                "open-tasks",
                "Open return tasks",
                checkins == null ? null : checkins.openReturnTasks(),
                "/return-tasks?status=OPEN" + in,
                false));
        tiles.add(new Tile(
                "overdue-tasks",
                "Overdue return tasks",
                checkins == null ? null : checkins.overdueReturnTasks(),
                "/return-tasks?status=OVERDUE" + in,
                true));
        tiles.add(new Tile(
                "quarantined",
                "Quarantined, awaiting sanitization",
                devices == null ? null : devices.count("QUARANTINED"),
                "/devices?status=QUARANTINED" + in,
                false));

        List<SchoolRow> schools = checkins == null
                ? List.of()
                : checkins.schools().stream()
                        .map(s -> new SchoolRow(s.school(), s.overdue(), s.nonCompliant()))
                        .toList();
        List<Chart> charts = List.of();
        if (only == null) {
            List<DailyCount> daily = askedDaily.get();
            if (daily != null) {
                // The check-in service's day may have begun already where it counts (its clock is the owner's).
                LocalDate today = daily.stream()
                        .map(DailyCount::day)
                        .filter(d -> d.isAfter(clock.today()))
                        .max(LocalDate::compareTo)
                        .orElse(clock.today());
                charts = List.of(
                        Chart.of(
                                "checkins",
                                "Check-ins per day",
                                CHART_DAYS,
                                today,
                                daily,
                                DailyCount::day,
                                DailyCount::checkIns),
                        Chart.of(
                                "overdue",
                                "Devices overdue for check-in",
                                CHART_DAYS,
                                today,
                                daily,
                                DailyCount::day,
                                DailyCount::overdue));
            }
        }
        return Response.ok(Templates.home(pages.chrome("home"), only, tiles, schools, charts))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The answer of one service, or null when it cannot give it now (its tiles then say so). */
    private static <T> T ask(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            LOG.warnf("The home page's %s are not available (%s)", what, Failures.cause(e));
            return null;
        }
    }
}
