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
import org.district.support.paging.Cursors;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Device-level views and actions for IT: the overdue list (with CSV export and counts per school), a device's
 * check-in history, its commands, and its locations while missing.
 */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
public class DeviceResource {

    /** As many lost devices as the list shows: a district has a handful seen in a week. */
    static final int LOST_SEEN_ROWS = 200;

    /** The columns of the overdue export, in order. */
    private static final List<Map.Entry<String, Function<OverdueDeviceView, Object>>> EXPORT_COLUMNS = List.of(
            Map.entry("device_id", OverdueDeviceView::deviceId),
            Map.entry("asset_tag", OverdueDeviceView::assetTag),
            Map.entry("type", OverdueDeviceView::type),
            Map.entry("school", OverdueDeviceView::school),
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
            summary = "Devices overdue for check-in",
            description = "Devices whose last check-in (or registration or assignment, for devices never seen) is"
                    + " older than the grace period for their type, most overdue first. Only devices in the tracked"
                    + " statuses count (default ASSIGNED, IN_STOCK, RECOVERED); filters school, type, assignee (district"
                    + " id or person id) and status combine with AND.")
    public PageView<OverdueDeviceView> overdue(@BeanParam OverdueParams filters, @BeanParam PageParams page) {
        int size = page.size();
        OverdueFilter filter = filters.filter(devices);
        Cursors.Position after = page.after(2);
        List<Device> rows =
                devices.overdue(filter, after == null ? null : after.date(0), after == null ? null : after.id(1), size);
        return PageView.of(
                rows, size, d -> OverdueDeviceView.of(d, filter.today()), d -> Cursors.encode(d.dueOn, d.id));
    }

    @GET
    @Path("/overdue/counts")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Overdue devices per school", description = "Same filters as the list.")
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
    @Operation(summary = "Export the overdue list as CSV", description = "Every overdue device matching the filters.")
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
            summary = "Lost devices seen",
            description = "LOST or STOLEN devices that checked in within the dashboard's window (a week by default),"
                    + " most recently seen first, at most " + LOST_SEEN_ROWS + ".")
    public List<LostSeenView> lostSeen(@QueryParam("school") String school) {
        return dashboard.lostSeen(Params.text("school", school, 40), LOST_SEEN_ROWS).stream()
                .map(LostSeenView::of)
                .toList();
    }

    @GET
    @Path("/{id}/checkins")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "A device's recent check-ins", description = "Newest first, within the history retention.")
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
            summary = "Send a command to a device",
            description = "LOCK (with the district's return message unless a message is given), WIPE (district devices"
                    + " only) or LOCATE. Delivered with the device's next check-in; one open command of each type.")
    public Response issue(@PathParam("id") String id, @Valid @NotNull CommandRequest request) {
        UUID deviceId = Params.pathId("device", id);
        return Response.status(201)
                .entity(CommandView.of(commands.issue(deviceId, request, caller.actor())))
                .build();
    }

    @GET
    @Path("/{id}/commands")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "A device's commands", description = "Newest first.")
    public List<CommandView> commands(@PathParam("id") String id) {
        return commands.list(Params.pathId("device", id)).stream()
                .map(CommandView::of)
                .toList();
    }

    @POST
    @Path("/{id}/commands/{commandId}/cancel")
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(summary = "Cancel a pending command", description = "Only before the device has received it.")
    public CommandView cancel(@PathParam("id") String id, @PathParam("commandId") String commandId) {
        return CommandView.of(
                commands.cancel(Params.pathId("device", id), Params.pathId("command", commandId), caller.actor()));
    }

    @GET
    @Path("/{id}/locations")
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Where a lost or stolen device was seen",
            description = "IT only. Locations exist only while a device is LOST or STOLEN and are purged when it is"
                    + " found. Every read is recorded (who, when, which device) for auditors.")
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
