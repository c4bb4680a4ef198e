package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.district.checkin.domain.OverdueFilter;
import org.district.checkin.entity.Device;
import org.district.checkin.service.CommandRequest;
import org.district.checkin.service.CommandService;
import org.district.checkin.service.DashboardService;
import org.district.checkin.service.DeviceService;
import org.district.checkin.service.LocationService;
import org.district.support.csv.CsvDownload;
import org.district.support.openapi.Paged;
import org.district.support.openapi.PathId;
import org.district.support.paging.Cursors;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Device-level views and actions for IT: the overdue list (with CSV export and counts per school), a device's
 * check-in history, its commands, and its locations while missing.
 */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = DeviceResource.TAG)
@PathId(value = DeviceResource.DEVICE_ID, example = DeviceResource.DEVICE_ID_EXAMPLE)
public class DeviceResource {

    /** The description of the Devices tag, the same on every resource that carries it. */
    static final String TAG = "Device-level views and actions for IT: devices overdue for check-in, lost devices seen,"
            + " check-in history, commands, the locations of missing devices, and enrolment";

    /** How a device's id is documented in paths. */
    static final String DEVICE_ID = "The device's id (a UUID; anything else is answered 404)";

    static final String DEVICE_ID_EXAMPLE = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14";

    /** As many lost devices as the list shows: a district has a handful seen in a week. */
    static final int LOST_SEEN_ROWS = 200;

    /** The columns of the overdue export, in order. */
    private static final List<Map.Entry<String, Function<OverdueDeviceView, Object>>> EXPORT_COLUMNS = List.of(
            Map.entry("device_id", v -> v.device().deviceId()),
            Map.entry("asset_tag", v -> v.device().assetTag()),
            Map.entry("type", v -> v.device().type()),
            Map.entry("school", v -> v.device().school()),
            Map.entry("status", OverdueDeviceView::status),
            Map.entry("assignee_district_id", OverdueDeviceView::assigneeDistrictId),
            Map.entry("last_check_in_at", OverdueDeviceView::lastCheckInAt),
            Map.entry("due_on", OverdueDeviceView::dueOn),
            Map.entry("days_overdue", OverdueDeviceView::daysOverdue));

    @Inject
    DashboardService dashboard;

    @Inject
    DeviceService devices;

    @Inject
    CommandService commands;

    @Inject
    LocationService locations;

    @Inject
    Caller caller;

    @GET
    @Path("/overdue")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listOverdueDevices",
            summary = "Devices overdue for check-in",
            description = "For IT and auditors. Devices whose last check-in (or registration or assignment, for devices"
                    + " never seen) is older than the grace period for their type, most overdue first. Only devices in"
                    + " the tracked statuses count (default ASSIGNED, IN_STOCK, RECOVERED); filters school, type,"
                    + " assignee (district id or person id) and status combine with AND. Paged with limit and cursor."
                    + " Read only.")
    @Paged(
            name = "OverdueDevicePage",
            description = "One page of devices overdue for check-in, most overdue first",
            cursorExample = "MjAyNi0wOS0wN3wzZjljMWU1Mi03YTRiLTRkMmUtOWI2MS0wYzhhNWU3ZDJmMTQ")
    @APIResponse(
            responseCode = "200",
            description = "One page of overdue devices",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = OverdueDeviceView.class)))
    public PageView<OverdueDeviceView> overdue(@BeanParam OverdueParams filters, @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        OverdueFilter filter = check.get(() -> filters.filter(devices));
        int size = page.size(check);
        Cursors.Position after = page.after(2);
        List<Device> rows =
                devices.overdue(filter, after == null ? null : after.date(0), after == null ? null : after.id(1), size);
        return PageView.of(
                rows, size, d -> OverdueDeviceView.of(d, filter.today()), d -> Cursors.encode(d.dueOn, d.id));
    }

    @GET
    @Path("/overdue/counts")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "countOverdueDevices",
            summary = "Overdue devices per school",
            description = "For IT and auditors. How many devices are overdue for check-in today, per school and in"
                    + " total; same filters as the list. Read only.")
    @APIResponse(responseCode = "200", description = "The counts")
    public OverdueCountsView overdueCounts(@BeanParam OverdueParams filters) {
        OverdueFilter filter = filters.filter(devices);
        Map<String, Long> counts = devices.overdueCounts(filter);
        List<SchoolCountView> schools = counts.entrySet().stream()
                .map(e -> new SchoolCountView(e.getKey(), e.getValue()))
                .toList();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new OverdueCountsView(filter.today(), total, schools);
    }

    @GET
    @Path("/overdue/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "exportOverdueDevices",
            summary = "Export the overdue list as CSV",
            description = "For IT and auditors. Every overdue device matching the filters (same as the list), most"
                    + " overdue first, as a CSV download (overdue-devices.csv) with a header row: device_id, asset_tag,"
                    + " type, school, status, assignee_district_id, last_check_in_at, due_on, days_overdue. Read only.")
    @APIResponse(
            responseCode = "200",
            description = "The CSV file, streamed",
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = "Names the download",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            example = "attachment; filename=\"overdue-devices.csv\"")),
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            description = "CSV with a header row",
                                            example = "device_id,asset_tag,type,school,status,assignee_district_id,"
                                                    + "last_check_in_at,due_on,days_overdue\n"
                                                    + "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14,LHS-0042,LAPTOP,LINCOLN-HS,"
                                                    + "ASSIGNED,E10482,2026-08-31T12:10:00Z,2026-09-07,7\n")))
    public Response overdueExport(@BeanParam OverdueParams filters) {
        OverdueFilter filter = filters.filter(devices);
        return CsvDownload.of(
                "overdue-devices.csv",
                EXPORT_COLUMNS.stream().map(Map.Entry::getKey).toList(),
                (Device last, int size) -> devices.overdueChunk(
                        filter, last == null ? null : last.dueOn, last == null ? null : last.id, size),
                d -> {
                    OverdueDeviceView v = OverdueDeviceView.of(d, filter.today());
                    return EXPORT_COLUMNS.stream()
                            .map(column -> column.getValue().apply(v))
                            .toList();
                });
    }

    @GET
    @Path("/lost-seen")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listLostDevicesSeen",
            summary = "Lost devices seen",
            description = "For IT and auditors. LOST or STOLEN devices that checked in lately (within a"
                    + " week by default), most recently seen first, at most " + LOST_SEEN_ROWS + "; optionally of one"
                    + " school. Not paged. Read only.")
    @APIResponse(
            responseCode = "200",
            description = "The devices (empty when none was seen)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = LostSeenView.class,
                                            maxItems = LOST_SEEN_ROWS)))
    public List<LostSeenView> lostSeen(
            @Parameter(
                            description = "Only devices of this school (its code, at most 40 characters)",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40),
                            example = "LINCOLN-HS")
                    @QueryParam("school")
                    String school) {
        return dashboard.lostSeen(Params.text("school", school, 40), LOST_SEEN_ROWS).stream()
                .map(LostSeenView::of)
                .toList();
    }

    @GET
    @Path("/{id}/checkins")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listDeviceCheckIns",
            summary = "A device's recent check-ins",
            description = "For IT and auditors. The device's stored check-ins, newest first, within the history"
                    + " retention (90 days unless configured); paged with limit and cursor. 404 for a device this"
                    + " service does not know. Read only.")
    @Paged(
            name = "CheckInHistoryPage",
            description = "One page of a device's check-ins, newest first",
            cursorExample = "MTc4OTM5MzgwMDAwMDAwMA")
    @APIResponse(
            responseCode = "200",
            description = "One page of check-ins",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CheckInHistoryView.class)))
    public PageView<CheckInHistoryView> history(@PathParam("id") String id, @BeanParam PageParams page) {
        Device device = devices.get(Params.pathId("device", id));
        int size = page.size();
        Long before = page.afterNumber();
        return PageView.of(
                devices.history(device, before == null ? null : micros(before), size),
                size,
                CheckInHistoryView::of,
                c -> Cursors.encode(c.receivedAt().getEpochSecond() * 1_000_000L
                        + c.receivedAt().getNano() / 1000));
    }

    @POST
    @Path("/{id}/commands")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "issueDeviceCommand",
            summary = "Send a command to a device",
            description = "For IT. LOCK (with the district's return message unless a message is given), WIPE (district"
                    + " devices only) or LOCATE (to a personal device only while it is approved and its owner"
                    + " consented to locking and locating at approval). Delivered with the device's next check-in, or"
                    + " through the device manager that lists it (Google Admin, Intune) at its next sync; a WIPE of a"
                    + " device that reports to Intune waits for Intune, whose wipe the device's agent cannot refuse. One"
                    + " open (PENDING or DELIVERED) command of each type per device, so sending the same type again is"
                    + " refused (409) rather than repeated. 404 for a device this service does not know.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommandRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Issued; PENDING until it is delivered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommandView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The device is retired or written off (device-out-of-service), a WIPE for a personal device"
                    + " (wipe-not-allowed), a LOCK or LOCATE for a personal device whose approval is not in force"
                    + " (personal-device-not-approved) or whose owner did not consent to them"
                    + " (no-lock-and-locate-consent), or a command of this type is already waiting"
                    + " (command-already-open)")
    public Response issue(@PathParam("id") String id, @Valid @NotNull CommandRequest request) {
        UUID deviceId = Params.pathId("device", id);
        return Response.status(201)
                .entity(CommandView.of(commands.issue(deviceId, request, caller.actor())))
                .build();
    }

    @GET
    @Path("/{id}/commands")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listDeviceCommands",
            summary = "A device's commands",
            description = "For IT and auditors. The device's latest commands (at most 200), newest first, whatever"
                    + " their status. Not paged. 404 for a device this service does not know. Read only.")
    @APIResponse(
            responseCode = "200",
            description = "The commands (empty when none was issued)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = CommandView.class,
                                            maxItems = 200)))
    public List<CommandView> commands(@PathParam("id") String id) {
        return commands.list(Params.pathId("device", id)).stream()
                .map(CommandView::of)
                .toList();
    }

    @POST
    @Path("/{id}/commands/{commandId}/cancel")
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "cancelDeviceCommand",
            summary = "Cancel a pending command",
            description = "For IT. Only before the device has received it (PENDING). Cancelling a command already"
                    + " CANCELLED changes nothing and answers it again. 404 when the command is not one of this"
                    + " device's.")
    @APIResponse(responseCode = "200", description = "The command, now CANCELLED")
    @APIResponse(
            responseCode = "409",
            description = "The command was already sent to the device or dealt with (command-not-pending)")
    public CommandView cancel(
            @PathParam("id") String id,
            @Parameter(
                            description = "The command's id (a UUID; anything else is answered 404)",
                            example = "7d2e4b1a-9c3f-4e8d-a561-2b7f0c9e4d38")
                    @PathParam("commandId")
                    String commandId) {
        return CommandView.of(
                commands.cancel(Params.pathId("device", id), Params.pathId("command", commandId), caller.actor()));
    }

    @GET
    @Path("/{id}/locations")
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "getDeviceLocations",
            summary = "Where a lost or stolen device was seen",
            description = "IT only. Locations exist only while a device is LOST or STOLEN and are purged when it is"
                    + " found; newest first, at most 500. Every read is recorded (who, when, which device) for"
                    + " auditors, also a read that finds none. 404 for a device this service does not know.")
    @APIResponse(responseCode = "200", description = "The device's stored locations")
    public LocationsView locations(@PathParam("id") String id) {
        LocationService.DeviceLocations read = locations.read(Params.pathId("device", id), caller.actor());
        return new LocationsView(
                read.device().id,
                read.device().status,
                read.locations().stream().map(LocationView::of).toList());
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
