package org.district.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.district.inventory.domain.DeviceFilter;
import org.district.inventory.entity.Device;
import org.district.inventory.entity.Person;
import org.district.inventory.service.AssignmentRequest;
import org.district.inventory.service.DeviceMove;
import org.district.inventory.service.DeviceRequest;
import org.district.inventory.service.DeviceService;
import org.district.inventory.service.PersonService;
import org.district.inventory.service.ReturnRequest;
import org.district.inventory.service.SanitizationRequest;
import org.district.inventory.service.StatusChangeRequest;
import org.district.inventory.service.csv.CsvExports;
import org.district.inventory.service.csv.DeviceColumns;
import org.district.inventory.service.csv.DeviceImport;
import org.district.inventory.service.csv.ImportReport;
import org.district.support.cache.SchoolSummaries;
import org.district.support.cache.SummarySettings;
import org.district.support.csv.CsvDownload;
import org.district.support.domain.NotFoundException;
import org.district.support.limits.RateLimited;
import org.district.support.paging.Cursors;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The device registry over HTTP. IT staff register, change, assign and take back devices; IT and auditors read
 * everything; anyone else sees only the devices they hold (other devices answer 404, as if they did not exist).
 */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
public class DeviceResource {

    /** The rate limit of each person's CSV imports, devices and people together (district.rate-limit.imports). */
    public static final String IMPORTS = "imports";

    private static final Logger LOG = Logger.getLogger(DeviceResource.class);

    @Inject
    DeviceService devices;

    @Inject
    PersonService people;

    @Inject
    DeviceImport deviceImport;

    @Inject
    CsvExports exports;

    @Inject
    Caller caller;

    /** The counts by status of each school and of the district, a little old at most. */
    private final SchoolSummaries<Map<String, Long>> statusCounts;

    DeviceResource(SummarySettings summaries) {
        this.statusCounts = new SchoolSummaries<>(summaries, school -> devices.countByStatus(school));
    }

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR, Roles.HR})
    @Operation(
            summary = "Search devices",
            description = "Filters combine with AND; sensitive=true (or false) keeps the devices that hold sensitive"
                    + " data (or that do not). Ordered by asset tag. IT staff and"
                    + " auditors search every device; anyone else sees only the devices assigned to them.")
    public PageView<DeviceView> search(@BeanParam DeviceSearch search, @BeanParam PageParams page) {
        int size = page.size();
        Optional<DeviceFilter> filter = filter(search);
        if (filter.isEmpty()) {
            return PageView.empty(size);
        }
        return PageView.of(
                devices.search(filter.get(), page.afterText(), size),
                size,
                this::view,
                d -> Cursors.encode(d.assetTag));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "Export devices as CSV",
            description = "Every device matching the filters (as for search),"
                    + " in asset-tag order, in the import's column layout plus read-only status columns.")
    public Response export(@BeanParam DeviceSearch search) {
        Optional<DeviceFilter> filter = filter(search);
        return CsvDownload.byFirstCell(
                "devices.csv",
                DeviceColumns.HEADER,
                (after, size) -> filter.isEmpty() ? List.of() : exports.devices(filter.get(), after, size));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "Devices by status",
            description = "How many devices are in each status, of one school or of all. Counted at most every"
                    + " district.summary.max-age (30 s unless configured): a start page asks for it on every view.")
    public DeviceSummaryView summary(@QueryParam("school") String school) {
        return DeviceSummaryView.of(statusCounts.of(Params.text("school", school, 40)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Register a device",
            description =
                    "District devices start IN_STOCK; a personal device is" + " registered to its owner (ASSIGNED).")
    public Response register(@Valid @NotNull DeviceRequest input) {
        Device d = devices.register(input, caller.actor());
        return Response.created(URI.create("/api/v1/devices/" + d.id))
                .tag(Requests.etag(d.version))
                .entity(DeviceView.full(d))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR, Roles.HR})
    @Operation(summary = "Read a device")
    public Response get(@PathParam("id") String id) {
        Device d = visible(Params.pathId("device", id));
        return Response.ok(view(d)).tag(Requests.etag(d.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Update a device's details",
            description = "Replaces the editable fields. Status and holder"
                    + " change only through assignment, return, status and sanitization. Send If-Match with the ETag you"
                    + " read to refuse the update if someone changed the device in between.")
    public Response update(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull DeviceRequest input) {
        Device d = devices.update(Params.pathId("device", id), input, Requests.ifMatchVersion(ifMatch), caller.actor());
        return Response.ok(DeviceView.full(d)).tag(Requests.etag(d.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "A device's history",
            description = "Every change, newest first: who, when, what, from and to.")
    public PageView<HistoryEntryView> history(@PathParam("id") String id, @BeanParam PageParams page) {
        UUID deviceId = Params.pathId("device", id);
        devices.get(deviceId);
        int size = page.size();
        return PageView.of(
                devices.history(deviceId, page.afterNumber(), size),
                size,
                HistoryEntryView::of,
                h -> Cursors.encode(h.id));
    }

    @GET
    @Path("/{id}/moves")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "What may be done with a device now",
            description = "Each status the lifecycle lets the device move to now, with the operation that makes the"
                    + " move: ASSIGN (POST .../assignment), RETURN (POST .../return), SANITIZE (POST .../sanitization)"
                    + " or CHANGE_STATUS (POST .../status). Empty for a retired device.")
    public List<DeviceMove> moves(@PathParam("id") String id) {
        return devices.moves(Params.pathId("device", id));
    }

    @GET
    @Path("/{id}/assignments")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Who held a device, and when")
    public List<AssignmentView> assignments(@PathParam("id") String id) {
        return devices.assignmentsOf(Params.pathId("device", id)).stream()
                .map(AssignmentView::of)
                .toList();
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Assign a device to a person",
            description =
                    "Only IN_STOCK district devices; the person must"
                            + " be active and have acknowledged the Acceptable Use Policy within the last 365 days (409 otherwise).")
    public DeviceView assign(@PathParam("id") String id, @Valid @NotNull AssignmentRequest request) {
        return DeviceView.full(devices.assign(Params.pathId("device", id), request, caller.actor()));
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Take a device back from its holder",
            description = "It goes to IN_STOCK, or to QUARANTINED" + " when it holds sensitive data.")
    public DeviceView takeBack(@PathParam("id") String id, @Valid ReturnRequest request) {
        return DeviceView.full(devices.takeBack(Params.pathId("device", id), request, caller.actor()));
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Move a device to another status",
            description = "Repair, retirement, or a manual loss,"
                    + " recovery or write-off record. Illegal moves answer 409 naming the allowed ones.")
    public DeviceView changeStatus(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest change) {
        return DeviceView.full(devices.changeStatus(Params.pathId("device", id), change, caller.actor()));
    }

    @POST
    @Path("/{id}/sanitization")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(summary = "Record that a quarantined device was sanitized", description = "QUARANTINED to IN_STOCK.")
    public DeviceView sanitize(@PathParam("id") String id, @Valid @NotNull SanitizationRequest sanitization) {
        return DeviceView.full(devices.sanitize(Params.pathId("device", id), sanitization, caller.actor()));
    }

    @POST
    @RateLimited(IMPORTS)
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Import devices from CSV",
            description = "Header row required (see the export for the"
                    + " columns). New asset tags are registered, known ones updated. Each valid row is saved and each invalid"
                    + " row reported with its line number; atomic=true saves nothing unless every row is valid; dryRun=true"
                    + " only checks. UTF-8 unless the Content-Type names another charset.")
    public ImportReport importCsv(InputStream body, @BeanParam ImportParams params) throws IOException {
        return params.importCsv(body, (file, mode) -> deviceImport.run(file, mode, caller.actor()));
    }

    /** Everything for IT and auditors; the holder's view for others, naming the holder to a supervisor. */
    private DeviceView view(Device d) {
        if (caller.seesEverything()) {
            return DeviceView.full(d);
        }
        return caller.is(Roles.SUPERVISOR) ? DeviceView.forSupervisor(d) : DeviceView.forHolder(d);
    }

    /** The device, if the caller may see it; 404 otherwise (a holder must not learn what else exists). */
    private Device visible(UUID id) {
        Device d = devices.find(id).orElseThrow(() -> new NotFoundException("device", id.toString()));
        if (caller.seesEverything()) {
            return d;
        }
        // District ids are stored upper case; the token's subject is matched the way people.findByDistrictId does.
        if (d.assignee != null && d.assignee.districtId.equalsIgnoreCase(caller.subject())) {
            return d;
        }
        if (d.assignee != null && caller.is(Roles.SUPERVISOR)) {
            Optional<Person> me = people.findByDistrictId(caller.subject());
            if (me.isPresent() && people.supervises(me.get().id, d.assignee.id)) {
                return d;
            }
        }
        LOG.infof("Refused %s reading device %s: not theirs", caller.actor(), id);
        throw new NotFoundException("device", id.toString());
    }

    /**
     * The search filter, narrowed to the caller's own devices (a supervisor's: also their team's) unless they see
     * everything; empty if nothing matches.
     */
    private Optional<DeviceFilter> filter(DeviceSearch search) {
        DeviceFilter filter = search.filter();
        UUID assigneeId = null;
        String assigneeText = search.assignee();
        if (assigneeText != null) {
            Optional<UUID> resolved = resolvePerson(assigneeText);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            assigneeId = resolved.get();
            filter = filter.onlyAssignedTo(assigneeId);
        }
        if (caller.seesEverything()) {
            return Optional.of(filter);
        }
        Optional<Person> me = people.findByDistrictId(caller.subject());
        if (me.isEmpty()) {
            return Optional.empty();
        }
        UUID self = me.get().id;
        boolean supervisor = caller.is(Roles.SUPERVISOR);
        if (assigneeId != null && !assigneeId.equals(self)) {
            // A supervisor may list one of their team's devices; anyone else only their own.
            return supervisor && people.supervises(self, assigneeId) ? Optional.of(filter) : Optional.empty();
        }
        return Optional.of(supervisor && assigneeId == null ? filter.onlyTeamOf(self) : filter.onlyAssignedTo(self));
    }

    private Optional<UUID> resolvePerson(String idOrDistrictId) {
        try {
            return Optional.of(UUID.fromString(idOrDistrictId));
        } catch (IllegalArgumentException e) {
            return people.findByDistrictId(idOrDistrictId).map(p -> p.id);
        }
    }
}
