package org.district.checkin.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.district.checkin.Device;
import org.district.checkin.DeviceCommand;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.config.OverdueSettings;
import org.district.checkin.repository.DeviceRepository;
import org.district.checkin.repository.OverdueFilter;
import org.district.checkin.service.CommandService;
import org.district.checkin.service.LocationService;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.support.csv.CsvWriter;
import org.district.support.problem.Params;
import org.district.support.problem.ProblemException;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
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

    static final int MAX_LIMIT = 200;
    private static final int EXPORT_CHUNK = 1000;

    @Inject
    DeviceRepository devices;

    @Inject
    CommandService commands;

    @Inject
    LocationService locations;

    @Inject
    OverdueSettings overdueSettings;

    @Inject
    DistrictClock clock;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @GET
    @Path("/overdue")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "Devices overdue for check-in",
            description = "Devices whose last check-in (or registration or assignment, for devices never seen) is"
                    + " older than the grace period for their type, most overdue first. Only devices in the tracked"
                    + " statuses count (default ASSIGNED, IN_STOCK, RECOVERED); filters school, type, assignee (district"
                    + " id or person id) and status combine with AND.")
    public PageView<Views.OverdueDevice> overdue(
            @QueryParam("school") String school,
            @QueryParam("type") String type,
            @QueryParam("assignee") String assignee,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        int size = Params.intInRange("limit", limit, 1, MAX_LIMIT, 50);
        OverdueFilter filter = overdueFilter(school, type, assignee, status);
        Cursors.DateAndId after = Cursors.dateAndId(cursor);
        LocalDate today = clock.today();
        List<Device> rows = devices.overdue(
                filter, today, after == null ? null : after.date(), after == null ? null : after.id(), size);
        boolean more = rows.size() > size;
        List<Device> page = more ? rows.subList(0, size) : rows;
        Device last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new PageView<>(
                page.stream().map(d -> Views.OverdueDevice.ofDevice(d, today)).toList(),
                size,
                more ? Cursors.encode(last.dueOn, last.id) : null);
    }

    @GET
    @Path("/overdue/counts")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Overdue devices per school", description = "Same filters as the list.")
    public Views.OverdueCounts overdueCounts(
            @QueryParam("school") String school,
            @QueryParam("type") String type,
            @QueryParam("assignee") String assignee,
            @QueryParam("status") String status) {
        OverdueFilter filter = overdueFilter(school, type, assignee, status);
        LocalDate today = clock.today();
        Map<String, Long> counts = devices.overdueCounts(filter, today);
        List<Views.SchoolCount> schools = counts.entrySet().stream()
                .map(e -> new Views.SchoolCount(e.getKey(), e.getValue()))
                .toList();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Views.OverdueCounts(today, total, schools);
    }

    @GET
    @Path("/overdue/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Export the overdue list as CSV", description = "Every overdue device matching the filters.")
    public Response overdueExport(
            @QueryParam("school") String school,
            @QueryParam("type") String type,
            @QueryParam("assignee") String assignee,
            @QueryParam("status") String status) {
        OverdueFilter filter = overdueFilter(school, type, assignee, status);
        LocalDate today = clock.today();
        StreamingOutput body = output -> {
            CsvWriter csv = new CsvWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            csv.row(List.of(
                    "device_id",
                    "asset_tag",
                    "type",
                    "school",
                    "status",
                    "assignee_district_id",
                    "last_check_in_at",
                    "due_on",
                    "days_overdue"));
            LocalDate afterDue = null;
            UUID afterId = null;
            while (true) {
                LocalDate fromDue = afterDue;
                UUID fromId = afterId;
                List<Device> rows = QuarkusTransaction.requiringNew()
                        .call(() -> devices.overdue(filter, today, fromDue, fromId, EXPORT_CHUNK));
                List<Device> chunk = rows.size() > EXPORT_CHUNK ? rows.subList(0, EXPORT_CHUNK) : rows;
                for (Device d : chunk) {
                    Views.OverdueDevice v = Views.OverdueDevice.ofDevice(d, today);
                    csv.row(Arrays.asList(
                            v.deviceId(),
                            v.assetTag(),
                            v.type(),
                            v.school(),
                            v.status(),
                            v.assigneeDistrictId(),
                            v.lastCheckInAt(),
                            v.dueOn(),
                            v.daysOverdue()));
                }
                csv.flush();
                if (rows.size() <= EXPORT_CHUNK) {
                    break;
                }
                Device last = chunk.get(chunk.size() - 1);
                afterDue = last.dueOn;
                afterId = last.id;
            }
            csv.flush();
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"overdue-devices.csv\"")
                .build();
    }

    @GET
    @Path("/{id}/checkins")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "A device's recent check-ins", description = "Newest first, within the history retention.")
    @SuppressWarnings("unchecked")
    public PageView<Views.CheckIn> history(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        UUID deviceId = existing(id).id;
        int size = Params.intInRange("limit", limit, 1, MAX_LIMIT, 50);
        Long before = Cursors.number(cursor);
        List<Object[]> rows = em.createNativeQuery("select received_at, os_name, os_version, os_build,"
                        + " last_patch_date, antivirus_product, antivirus_definitions_date, disk_encrypted,"
                        + " screen_lock, site, ip_address, compliant, compliance_issues from checkin_history"
                        + " where device_id = ?1 and received_at < ?2 order by received_at desc limit ?3")
                .setParameter(1, deviceId)
                .setParameter(2, before == null ? Instant.parse("9999-01-01T00:00:00Z") : micros(before))
                .setParameter(3, size + 1)
                .getResultList();
        List<Views.CheckIn> items = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(size, rows.size()))) {
            items.add(new Views.CheckIn(
                    instant(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    date(r[4]),
                    (String) r[5],
                    date(r[6]),
                    (Boolean) r[7],
                    (Boolean) r[8],
                    (String) r[9],
                    (String) r[10],
                    (Boolean) r[11],
                    Views.Issue.of((String) r[12])));
        }
        String next = null;
        if (rows.size() > size) {
            Instant last = items.get(items.size() - 1).receivedAt();
            next = Cursors.encode(Long.toString(last.getEpochSecond() * 1_000_000L + last.getNano() / 1000));
        }
        return new PageView<>(items, size, next);
    }

    @POST
    @Path("/{id}/commands")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Send a command to a device",
            description = "LOCK (with the district's return message unless a message is given), WIPE (district devices"
                    + " only) or LOCATE. Delivered with the device's next check-in; one open command of each type.")
    public Response issue(@PathParam("id") String id, @Valid @NotNull Requests.CommandRequest request) {
        UUID deviceId = Params.pathId("device", id);
        DeviceCommand command =
                commands.issue(deviceId, request.type(), request.message(), request.reason(), caller.actor());
        return Response.status(201).entity(Views.Command.of(command)).build();
    }

    @GET
    @Path("/{id}/commands")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "A device's commands", description = "Newest first.")
    public List<Views.Command> commands(@PathParam("id") String id) {
        UUID deviceId = existing(id).id;
        return commands.list(deviceId).stream().map(Views.Command::of).toList();
    }

    @POST
    @Path("/{id}/commands/{commandId}/cancel")
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(summary = "Cancel a pending command", description = "Only before the device has received it.")
    public Views.Command cancel(@PathParam("id") String id, @PathParam("commandId") String commandId) {
        return Views.Command.of(
                commands.cancel(Params.pathId("device", id), Params.pathId("command", commandId), caller.actor()));
    }

    @GET
    @Path("/{id}/locations")
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Where a lost or stolen device was seen",
            description = "IT only. Locations exist only while a device is LOST or STOLEN and are purged when it is"
                    + " found. Every read is recorded (who, when, which device) for auditors.")
    public Views.Locations locations(@PathParam("id") String id) {
        Device device = existing(id);
        List<Views.Location> found = locations.read(device.id, caller.actor()).stream()
                .map(Views.Location::of)
                .toList();
        return new Views.Locations(device.id, device.status, found);
    }

    // ---------------------------------------------------------------- helpers

    private Device existing(String id) {
        UUID deviceId = Params.pathId("device", id);
        return devices.findByIdOptional(deviceId)
                .orElseThrow(() -> ProblemException.notFound("device", deviceId.toString()));
    }

    private OverdueFilter overdueFilter(String school, String type, String assignee, String status) {
        String schoolCode = Params.text("school", school, 40);
        DeviceType deviceType = Params.enumValue("type", type, DeviceType.class);
        DeviceStatus deviceStatus = Params.enumValue("status", status, DeviceStatus.class);
        Set<DeviceStatus> tracked = EnumSet.copyOf(overdueSettings.trackedStatuses());
        if (deviceStatus != null) {
            if (!tracked.contains(deviceStatus)) {
                throw ProblemException.invalidField(
                        "status", "must be one of the statuses the overdue list tracks: " + tracked + ".");
            }
            tracked = EnumSet.of(deviceStatus);
        }
        String assigneeText = Params.text("assignee", assignee, 40);
        UUID assigneeId = null;
        String assigneeDistrictId = null;
        if (assigneeText != null) {
            try {
                assigneeId = UUID.fromString(assigneeText);
            } catch (IllegalArgumentException e) {
                assigneeDistrictId = assigneeText;
            }
        }
        return new OverdueFilter(schoolCode, deviceType, assigneeId, assigneeDistrictId, tracked);
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value == null ? null : LocalDate.parse(value.toString());
    }
}
