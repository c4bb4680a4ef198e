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
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.domain.DeviceFilter;
import org.district.inventory.domain.DeviceOrder;
import org.district.inventory.entity.Device;
import org.district.inventory.entity.Person;
import org.district.inventory.service.DeviceRequest;
import org.district.inventory.service.DeviceService;
import org.district.inventory.service.PersonService;
import org.district.inventory.service.csv.CsvExports;
import org.district.inventory.service.csv.DeviceColumns;
import org.district.inventory.service.csv.DeviceImport;
import org.district.inventory.service.csv.ImportReport;
import org.district.support.csv.CsvDownload;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;
import org.district.support.limits.RateLimited;
import org.district.support.openapi.CsvFile;
import org.district.support.openapi.Paged;
import org.district.support.openapi.PathId;
import org.district.support.openapi.Versioned;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The device registry over HTTP. IT staff register, change, assign and take back devices; IT and auditors read
 * everything; anyone else sees only the devices they hold (other devices answer 404, as if they did not exist).
 */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Devices",
        description = "The device registry: IT staff register, change, assign and take back devices and move them"
                + " through their lifecycle; IT and auditors read everything; anyone else sees only the devices they"
                + " hold (a supervisor: also their team's district devices).")
@PathId(value = "The device's id", example = ApiExamples.DEVICE_ID)
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

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR, Roles.HR})
    @Operation(
            operationId = "searchDevices",
            summary = "Search devices",
            description = "Filters combine with AND; sensitive=true (or false) keeps the devices that hold sensitive"
                    + " data (or that do not), for IT staff and auditors (ignored for anyone else). Ordered by sort (asset tag by default; ties in asset-tag order), in pages of limit (1 to 200, 50 by default): pass"
                    + " a page's nextCursor as cursor for the next one. IT staff and auditors search every device; a"
                    + " supervisor sees their team's district devices and their own; anyone else only the devices assigned"
                    + " to them (an assignee they may not see gives an empty page).")
    @Paged(
            name = "DevicePage",
            description = "One page of devices, in the order asked for (asset tag by default).",
            cursorExample = "TEhTLTAwNDI")
    @APIResponse(
            responseCode = "200",
            description = "One page of the matching devices the caller may see",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceView.class)))
    public PageView<DeviceView> search(@BeanParam DeviceSearch search, @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        DeviceFilter parsed = check.get(search::filter);
        int size = page.size(check);
        Optional<DeviceFilter> filter = visible(parsed, search.assignee());
        if (filter.isEmpty()) {
            return PageView.empty(size);
        }
        DeviceOrder order = search.order();
        return PageView.of(
                devices.search(filter.get(), order, afterAssetTag(page, order), size),
                size,
                this::view,
                d -> cursor(order, d.assetTag));
    }

    /**
     * A page's cursor: the last device's asset tag, and for any order but the default the order's name as well, so that
     * a cursor continues only the order that issued it.
     */
    private static String cursor(DeviceOrder order, String assetTag) {
        return order.equals(DeviceOrder.DEFAULT) ? Cursors.encode(assetTag) : Cursors.encode(order.apiName(), assetTag);
    }

    private static String afterAssetTag(PageParams page, DeviceOrder order) {
        if (order.equals(DeviceOrder.DEFAULT)) {
            return page.afterText();
        }
        Cursors.Position position = page.after(2);
        if (position == null) {
            return null;
        }
        if (!position.text(0).equals(order.apiName())) {
            throw InvalidException.of(
                    "cursor",
                    "continues another order than sort=" + order.apiName() + "; start again from the first page.");
        }
        return position.text(1);
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "exportDevices",
            summary = "Export devices as CSV",
            description = "IT staff and auditors. Every device matching the filters (as for search), in the order"
                    + " of sort (as for search), in the import's column layout plus read-only status columns (status,"
                    + " assigneeDistrictId, assignedAt, costOwed, id). UTF-8, streamed; the header line comes even"
                    + " when nothing matches.")
    @CsvFile(
            name = "devices.csv",
            example = "assetTag,serialNumber,type,make,model,school,ownership,sensitiveData,acquisitionType,"
                    + "vendor,purchaseOrder,cost,acquiredOn,donor,warrantyEnd,ownerDistrictId,notes,status,"
                    + "assigneeDistrictId,assignedAt,costOwed,id\n"
                    + "LHS-0042,5CG3281QXZ,LAPTOP,Dell,Latitude 3440,LINCOLN-HS,DISTRICT,true,PURCHASED,"
                    + "CDW Government,PO-2025-00117,649.00,2025-08-15,,2028-08-15,,,ASSIGNED,E10234,"
                    + "2025-08-20T14:05:00Z,," + ApiExamples.DEVICE_ID + "\n")
    public Response export(@BeanParam DeviceSearch search) {
        Optional<DeviceFilter> filter = visible(search.filter(), search.assignee());
        return CsvDownload.byFirstCell(
                "devices.csv",
                DeviceColumns.HEADER,
                (after, size) ->
                        filter.isEmpty() ? List.of() : exports.devices(filter.get(), search.order(), after, size));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "getDeviceSummary",
            summary = "Devices by status",
            description = "IT staff and auditors. How many devices are in each status, of one school or of all, exact"
                    + " at the moment of asking: the counts are kept as devices change, so asking costs the same at any"
                    + " number of devices.")
    @APIResponse(responseCode = "200", description = "The counts, every status listed")
    public DeviceSummaryView summary(
            @QueryParam("school")
                    @Parameter(
                            description = "A school code (any case): its devices only; all schools when absent",
                            example = "LINCOLN-HS",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40))
                    String school) {
        return DeviceSummaryView.of(devices.countByStatus(Params.text("school", school, 40)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Versioned
    @Operation(
            operationId = "registerDevice",
            summary = "Register a device",
            description = "IT staff. District devices start IN_STOCK and must record their acquisition; a personal"
                    + " device is registered to its owner (ownerDistrictId, an active person) and starts ASSIGNED."
                    + " Asset tag and serial number are stored upper case and must be unique. Not idempotent: sending"
                    + " the same device again answers 409.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            headers =
                    @Header(
                            name = "Location",
                            description = "The new device's address",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            example = "https://inventory.district.example/api/v1/devices/"
                                                    + ApiExamples.DEVICE_ID)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "409", description = "Another device already has this asset tag or serial number")
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
    @Versioned
    @Operation(
            operationId = "getDevice",
            summary = "Read a device",
            description = "IT staff and auditors read every device with every field; anyone else only a device they"
                    + " hold (a supervisor: also a district device their team holds), in the holder's view. Any other"
                    + " device answers 404, as if it did not exist.")
    @APIResponse(
            responseCode = "200",
            description = "The device",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeviceView.class)))
    public Response get(@PathParam("id") String id) {
        Device d = visible(Params.pathId("device", id));
        return Response.ok(view(d)).tag(Requests.etag(d.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Versioned
    @Operation(
            operationId = "updateDevice",
            summary = "Update a device's details",
            description = "IT staff. Replaces the editable fields (absent optional fields are cleared). Status and"
                    + " holder change only through assignment, return, status and sanitization; ownership and a"
                    + " personal device's owner cannot change. Send If-Match with the ETag you read to refuse the"
                    + " update if someone changed the device in between (412). Idempotent: the same body again changes"
                    + " nothing and keeps the version.")
    @APIResponse(
            responseCode = "200",
            description = "The device as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "409", description = "Another device already has this asset tag or serial number")
    public Response update(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull DeviceRequest input) {
        Device d = devices.update(Params.pathId("device", id), input, Requests.ifMatchVersion(ifMatch), caller.actor());
        return Response.ok(DeviceView.full(d)).tag(Requests.etag(d.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listDeviceHistory",
            summary = "A device's history",
            description = "IT staff and auditors. Every change, newest first: who, when, what, from and to; in pages"
                    + " of limit (1 to 200, 50 by default), the next one from the page's nextCursor.")
    @Paged(
            name = "HistoryPage",
            description = "One page of a device's history, newest first.",
            cursorExample = "MTE4Nw")
    @APIResponse(
            responseCode = "200",
            description = "One page of the device's history",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntryView.class)))
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

    @POST
    @RateLimited(IMPORTS)
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "importDevices",
            summary = "Import devices from CSV",
            description = "IT staff. Header row required (see the export for the columns; the export's read-only"
                    + " columns are accepted and ignored). New asset tags are registered, known ones updated. Each"
                    + " valid row is saved and each invalid row reported with its line number; atomic=true saves"
                    + " nothing unless every row is valid; dryRun=true only checks. UTF-8 unless the Content-Type names"
                    + " another charset. Each person may import a few files a minute (devices and people together);"
                    + " beyond that 429.")
    @RequestBody(
            required = true,
            description = "The CSV file: a header line naming the columns, then one device per line",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "devices", value = ApiExamples.DEVICE_CSV)))
    @APIResponse(responseCode = "200", description = "What the import did (rows rejected are listed, not refused)")
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
        // A supervisor sees their team's district devices; a team member's personal device is its owner's (and its
        // approvers' and IT's), never their supervisor's.
        if (d.assignee != null && d.ownership != Ownership.PERSONAL && caller.is(Roles.SUPERVISOR)) {
            Optional<Person> me = people.findByDistrictId(caller.subject());
            if (me.isPresent() && people.supervises(me.get().id, d.assignee.id)) {
                return d;
            }
        }
        LOG.infof("Refused %s reading device %s: not theirs", caller.actor(), id);
        throw new NotFoundException("device", id.toString());
    }

    /**
     * The search's filter, narrowed to the caller's own devices (a supervisor's: also their team's district devices)
     * unless they see everything; empty if nothing matches. Whether a device holds sensitive data is IT's and the
     * auditors' to know: anyone else's {@code sensitive} filter is ignored.
     */
    private Optional<DeviceFilter> visible(DeviceFilter filter, String assigneeText) {
        UUID assigneeId = null;
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
        filter = filter.withoutSensitiveFilter().narrowedToCaller();
        Optional<Person> me = people.findByDistrictId(caller.subject());
        if (me.isEmpty()) {
            return Optional.empty();
        }
        UUID self = me.get().id;
        boolean supervisor = caller.is(Roles.SUPERVISOR);
        if (assigneeId != null && !assigneeId.equals(self)) {
            // A supervisor may list one of their team's district devices; anyone else only their own.
            return supervisor && people.supervises(self, assigneeId)
                    ? Optional.of(filter.onlyTeamOf(self))
                    : Optional.empty();
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
