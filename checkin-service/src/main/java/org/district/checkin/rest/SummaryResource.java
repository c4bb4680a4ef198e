package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.district.checkin.config.SummarySettings;
import org.district.checkin.service.DailyCounts;
import org.district.checkin.service.DashboardService;
import org.district.checkin.service.SchoolSummaries;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The counts of IT's start page, from check-ins. */
@Path("/api/v1/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Summary", description = "The counts of IT's start page, from check-ins and return tasks")
public class SummaryResource {

    @Inject
    DashboardService dashboard;

    @Inject
    DailyCounts dailyCounts;

    /** The summary of each school and of the district, a little old at most. */
    private final SchoolSummaries<DashboardService.Summary> summaries;

    SummaryResource(SummarySettings settings) {
        this.summaries = new SchoolSummaries<>(settings, school -> dashboard.summary(school));
    }

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "getSummary",
            summary = "What needs attention",
            description = "For IT and auditors. Counts of devices overdue for check-in, not compliant, lost and seen"
                    + " lately, and of open and overdue return tasks, of one school or of all; overdue and not"
                    + " compliant by school. Counted at most every district.summary.max-age (30 s unless configured):"
                    + " a start page asks on every view. Read only.")
    @APIResponse(responseCode = "200", description = "The counts")
    public SummaryView summary(
            @Parameter(
                            description = "Only this school (its code, at most 40 characters); all schools when absent",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40),
                            example = "LINCOLN-HS")
                    @QueryParam("school")
                    String school) {
        return SummaryView.of(summaries.of(Params.text("school", school, 40)));
    }

    @GET
    @Path("/daily")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listDailyCounts",
            summary = "Check-ins and overdue devices per day",
            description =
                    "For IT and auditors. District-wide, for each of the last days (30 unless days says otherwise, at most 90) up to"
                            + " today in the district's time zone, oldest first: the check-ins received that day and the"
                            + " devices overdue that day (null when it was not counted). Today's numbers are recounted every"
                            + " 15 minutes; days before counting began are absent. Read only.")
    @APIResponse(
            responseCode = "200",
            description = "One entry per counted day, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = DailyCountView.class,
                                            maxItems = 90)))
    public List<DailyCountView> daily(
            @Parameter(
                            description = "How many days up to today (1 to 90)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "90",
                                            defaultValue = "30"),
                            example = "30")
                    @QueryParam("days")
                    String days) {
        int span = Params.intInRange("days", days, 1, DailyCounts.MAX_DAYS, 30);
        return dailyCounts.last(span).stream()
                .map(d -> new DailyCountView(d.day(), d.checkIns(), d.overdue()))
                .toList();
    }

    /** One district day's numbers. */
    @Schema(description = "One district day's numbers")
    public record DailyCountView(
            @Schema(description = "The district day (America/Chicago)", required = true, example = "2026-09-14")
                    LocalDate day,
            @Schema(description = "Check-ins received that day", required = true, minimum = "0", example = "18342")
                    long checkIns,
            @Schema(
                            description = "Devices overdue that day; null when it was not counted",
                            required = true,
                            nullable = true,
                            minimum = "0",
                            example = "37")
                    Long overdue) {}
}
