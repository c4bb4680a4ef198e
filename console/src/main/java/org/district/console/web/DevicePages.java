package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.district.console.api.CheckInApi;
import org.district.console.api.InventoryApi;
import org.district.console.api.InventoryExport;
import org.district.console.api.LossReportApi;
import org.district.console.api.Page;
import org.district.console.api.Views.Assignment;
import org.district.console.api.Views.CheckIn;
import org.district.console.api.Views.Command;
import org.district.console.api.Views.CommandRequest;
import org.district.console.api.Views.CredentialStatus;
import org.district.console.api.Views.Device;
import org.district.console.api.Views.HistoryEntry;
import org.district.console.api.Views.LossReport;
import org.district.console.api.Views.Move;
import org.district.console.api.Views.NonCompliantDevice;
import org.district.console.api.Views.OverdueDevice;
import org.district.console.web.Failures.FieldError;
import org.district.support.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * The devices: the searchable list (everyone; staff and supervisors see the devices they hold), its CSV export, the
 * lists check-ins keep (overdue, not compliant), and the device page with its history, check-ins and commands. Lock,
 * locate and wipe are asked on a page of their own that names the device, and sent only when confirmed there.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DevicePages {

    private static final Logger LOG = Logger.getLogger(DevicePages.class);
    static final int PAGE_SIZE = 50;

    /** The devices page's filters as the person set them (blank ones absent). */
    public record Filters(
            String q,
            String status,
            String type,
            String school,
            String ownership,
            String holder,
            String sensitive,
            String sort,
            String search) {

        /** The columns the list sorts by, as the inventory names them; a leading - sorts descending. */
        static final List<String> SORTS = List.of("assetTag", "device", "type", "status", "school", "holder");

        /** The sort a link asked for, if the inventory offers it; otherwise none (asset-tag order). */
        static String sort(String raw) {
            String value = blank(raw);
            if (value == null) {
                return null;
            }
            boolean descending = value.startsWith("-");
            String key = choice(descending ? value.substring(1) : value, SORTS);
            return key == null ? null : (descending ? "-" : "") + key;
        }

        public String query(String cursor) {
            return Links.of("", parameters(cursor, sort));
        }

        /**
         * The same filters for a holder's text named by the id of the search that keeps it ({@link Searches}); a null
         * holder with an id is a search that ended.
         */
        Filters withSearch(String holderText, String id) {
            return new Filters(q, status, type, school, ownership, holderText, sensitive, sort, id);
        }

        /**
         * The link a column's heading leads to: the first page sorted by that column, ascending, or descending when it
         * is already sorted ascending by it.
         */
        public String sortedBy(String column) {
            return Links.of(
                    "",
                    parameters(
                            null,
                            column.equals(sort) || (sort == null && column.equals("assetTag"))
                                    ? "-" + column
                                    : column));
        }

        /** How the list is sorted by that column: ascending, descending, or null when it is not. */
        public String sortOf(String column) {
            String current = sort == null ? "assetTag" : sort;
            if (current.equals(column)) {
                return "ascending";
            }
            return current.equals("-" + column) ? "descending" : null;
        }

        private Map<String, String> parameters(String cursor, String order) {
            return Links.parameters(
                    "q",
                    q,
                    "status",
                    status,
                    "type",
                    type,
                    "school",
                    school,
                    "ownership",
                    ownership,
                    // What was typed to find the holder, a name or an email, stays out of the address.
                    "holder",
                    search == null ? holder : null,
                    "search",
                    search,
                    "sensitive",
                    sensitive,
                    "sort",
                    order,
                    "cursor",
                    cursor);
        }

        public boolean any() {
            return Stream.of(q, status, type, school, ownership, holder, sensitive)
                    .anyMatch(v -> v != null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Chrome chrome,
                Filters filters,
                List<Device> devices,
                String nextCursor,
                boolean firstPage,
                List<FieldError> errors,
                boolean everything,
                Holders.Found holders,
                boolean searchEnded);

        static native TemplateInstance overdue(
                Chrome chrome, String school, Page<OverdueDevice> devices, String cursor);

        static native TemplateInstance nonCompliant(
                Chrome chrome, String school, Page<NonCompliantDevice> devices, String cursor);

        static native TemplateInstance device(
                Chrome chrome,
                Device device,
                List<HistoryEntry> history,
                List<CheckIn> checkIns,
                List<Command> commands,
                boolean everything,
                boolean acts,
                String sent,
                boolean registered,
                DeviceExtras extras,
                String moved,
                boolean revoked,
                Device replacement,
                ChargePages.Summary charges);

        static native TemplateInstance confirmCommand(
                Chrome chrome, Device device, String command, String reason, List<FieldError> errors);
    }

    @Inject
    Flash flash;

    @Inject
    Pages pages;

    @Inject
    Names names;

    @Inject
    @RestClient
    InventoryApi inventory;

    @Inject
    @RestClient
    CheckInApi checkin;

    @Inject
    @RestClient
    LossReportApi lossReports;

    @Inject
    InventoryExport export;

    @Inject
    Holders holders;

    @Inject
    Searches searches;

    /** The page a kept holder search belongs to. */
    private static final String DEVICES = "devices";

    @Inject
    Together together;

    /**
     * What IT and auditors see on a device page besides its record: the moves IT may make now (none for auditors), its
     * agent's credential, and its open loss report if it has one.
     */
    public record DeviceExtras(
            List<Move> moves, CredentialStatus credential, LossReport openReport, List<Assignment> assignments) {
        static final DeviceExtras NONE = new DeviceExtras(List.of(), null, null, List.of());

        /** IT may issue its holder another device: it is lost or stolen and someone held it. */
        public boolean replaceable(Device device) {
            return ("LOST".equals(device.status()) || "STOLEN".equals(device.status())) && device.assignee() != null;
        }
    }

    @GET
    @Path("/devices")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.HR, Roles.SUPERVISOR, Roles.STAFF})
    public Response list(
            @QueryParam("q") String q,
            @QueryParam("status") String status,
            @QueryParam("type") String type,
            @QueryParam("school") String school,
            @QueryParam("ownership") String ownership,
            @QueryParam("holder") String holder,
            @QueryParam("sensitive") String sensitive,
            @QueryParam("checkin") String checkinState,
            @QueryParam("sort") String sort,
            @QueryParam("search") String search,
            @QueryParam("cursor") String cursor) {
        Response checkInList = checkInList(checkinState, school);
        if (checkInList != null) {
            return checkInList;
        }
        Filters asked = checked(new Filters(q, status, type, school, ownership, holder, sensitive, sort, null));
        if (asked.holder() != null) {
            // A holder typed into the address (a bookmark, a link): the same list, by the kept search's id.
            return Response.seeOther(URI.create("/devices" + kept(asked).query(blank(cursor))))
                    .build();
        }
        Searches.Kept holderSearch = pages.seesEverything() ? searches.of(DEVICES, search) : Searches.Kept.NONE;
        // An ended search keeps its id, so that this page's export and paging links lead back to its notice.
        Filters filters =
                Searches.Kept.NONE.equals(holderSearch) ? asked : asked.withSearch(holderSearch.text(), blank(search));
        List<FieldError> errors = List.of();
        Page<Device> page = new Page<>(List.of(), PAGE_SIZE, null);
        Holders.Found holders = Holders.Found.NONE;
        try {
            holders = this.holders.find(filters.holder());
            // An ended search lists nothing: every device the other filters match would read as the holder's.
            if (!holderSearch.ended() && (holders.districtId() != null || filters.holder() == null)) {
                page = inventory.devices(
                        filters.q(),
                        filters.status(),
                        filters.type(),
                        filters.school(),
                        filters.ownership(),
                        holders.districtId(),
                        filters.sensitive(),
                        filters.sort(),
                        blank(cursor),
                        PAGE_SIZE);
            }
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400) {
                throw e;
            }
            errors = Failures.refusal(e).errors().stream()
                    .map(error -> new FieldError(error.field(), sentence(error.field(), error.message())))
                    .toList();
            page = new Page<>(List.of(), PAGE_SIZE, null);
        }
        return html(Templates.list(
                pages.chrome("devices"),
                filters,
                page.items(),
                page.nextCursor(),
                blank(cursor) == null,
                errors,
                pages.seesEverything(),
                holders,
                holderSearch.ended()));
    }

    /** The filter form, posted so that the holder's text is kept and the list's address names it by id. */
    @POST
    @Path("/devices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.HR, Roles.SUPERVISOR, Roles.STAFF})
    public Response filter(MultivaluedMap<String, String> form) {
        Response checkInList = checkInList(form.getFirst("checkin"), form.getFirst("school"));
        if (checkInList != null) {
            return checkInList;
        }
        Filters asked = checked(new Filters(
                form.getFirst("q"),
                form.getFirst("status"),
                form.getFirst("type"),
                form.getFirst("school"),
                form.getFirst("ownership"),
                form.getFirst("holder"),
                form.getFirst("sensitive"),
                form.getFirst("sort"),
                null));
        return Response.seeOther(URI.create("/devices" + kept(asked).query(null)))
                .build();
    }

    /** Overdue and not compliant are what check-ins know: their lists, for the same school; null for neither. */
    private Response checkInList(String checkinState, String school) {
        String state = choice(checkinState, List.of("overdue", "non-compliant"));
        if (state == null || !pages.seesEverything()) {
            return null;
        }
        return Response.seeOther(URI.create(Links.of("/devices/" + state, Links.parameters("school", blank(school)))))
                .build();
    }

    /** The list's filters as asked, checked; a holder, sensitivity and a sort only for those who see every device. */
    private Filters checked(Filters asked) {
        boolean everything = pages.seesEverything();
        return new Filters(
                blank(asked.q()),
                choice(asked.status(), DeviceForms.STATUSES),
                choice(asked.type(), DeviceForms.TYPES),
                blank(asked.school()),
                choice(asked.ownership(), DeviceForms.OWNERSHIPS),
                everything ? Searches.text(asked.holder()) : null,
                everything ? choice(asked.sensitive(), List.of("true")) : null,
                everything ? Filters.sort(asked.sort()) : null,
                null);
    }

    /** The filters with their holder's text kept, named by the search's id. */
    private Filters kept(Filters filters) {
        return filters.holder() == null
                ? filters
                : filters.withSearch(filters.holder(), searches.keep(DEVICES, filters.holder()));
    }

    /**
     * Exactly the devices of the list's filters, as the inventory exports them (IT and auditors), passed through as it
     * arrives: a district's whole inventory is never held in the console's memory.
     */
    @GET
    @Path("/devices/export.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Blocking
    public RestMulti<Buffer> export(
            @QueryParam("q") String q,
            @QueryParam("status") String status,
            @QueryParam("type") String type,
            @QueryParam("school") String school,
            @QueryParam("ownership") String ownership,
            @QueryParam("holder") String holder,
            @QueryParam("sensitive") String sensitive,
            @QueryParam("sort") String sort,
            @QueryParam("search") String search) {
        String text = blank(q);
        if (blank(holder) != null) {
            // A holder typed into the address (an older bookmark): the same export, by the kept search's id.
            throw new WebApplicationException(Response.seeOther(URI.create("/devices/export.csv"
                            + kept(checked(new Filters(
                                            q, status, type, school, ownership, holder, sensitive, sort, null)))
                                    .query(null)))
                    .build());
        }
        Searches.Kept kept = searches.of(DEVICES, search);
        String who = kept.text();
        Holders.Found holders = this.holders.find(who);
        if (kept.ended() || (text != null && text.length() < 3) || (who != null && holders.districtId() == null)) {
            // The list says why (the search ended, the inventory's own message, or the people the holder may be),
            // rather than a file of every device the other filters match.
            throw new WebApplicationException(Response.seeOther(URI.create("/devices"
                            + checked(new Filters(q, status, type, school, ownership, null, sensitive, sort, null))
                                    .withSearch(null, blank(search))
                                    .query(null)))
                    .build());
        }
        Map<String, String> filters = Links.parameters(
                "q", text,
                "status", choice(status, DeviceForms.STATUSES),
                "type", choice(type, DeviceForms.TYPES),
                "school", blank(school),
                "ownership", choice(ownership, DeviceForms.OWNERSHIPS),
                "assignee", holders.districtId(),
                "sensitive", choice(sensitive, List.of("true")),
                "sort", Filters.sort(sort));
        return RestMulti.fromUniResponse(
                export.devices(filters),
                HttpClientResponse::toMulti,
                answer -> Map.of(
                        "Content-Type",
                                List.of(
                                        answer.getHeader("Content-Type") == null
                                                ? "text/csv"
                                                : answer.getHeader("Content-Type")),
                        "Content-Disposition", List.of("attachment; filename=\"devices.csv\""),
                        "Cache-Control", List.of("no-store")),
                HttpClientResponse::statusCode);
    }

    @GET
    @Path("/devices/overdue")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    public Response overdue(@QueryParam("school") String school, @QueryParam("cursor") String cursor) {
        Page<OverdueDevice> page = checkin.overdue(blank(school), null, blank(cursor), PAGE_SIZE);
        names.load(page.items().stream().map(OverdueDevice::assigneeDistrictId).toList());
        return html(Templates.overdue(pages.chrome("devices"), blank(school), page, blank(cursor)));
    }

    @GET
    @Path("/devices/non-compliant")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    public Response nonCompliant(@QueryParam("school") String school, @QueryParam("cursor") String cursor) {
        Page<NonCompliantDevice> page = checkin.nonCompliant(blank(school), null, blank(cursor), PAGE_SIZE);
        names.load(page.items().stream()
                .map(NonCompliantDevice::assigneeDistrictId)
                .toList());
        return html(Templates.nonCompliant(pages.chrome("devices"), blank(school), page, blank(cursor)));
    }

    @GET
    @Path("/devices/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.HR, Roles.SUPERVISOR, Roles.STAFF})
    public Response device(@PathParam("id") String id) {
        String replacementId = flash.take("replacement");
        UUID deviceId = uuid(id);
        boolean everything = pages.seesEverything();
        boolean acts = pages.acts();
        // The device just issued in this one's place, named in the page's notice; one it cannot read is left out.
        UUID replacementDevice = acts ? uuidOrNull(replacementId) : null;
        // Every answer the page needs is asked at once; the page waits for the slowest, not for their sum.
        Together.Call<Device> asked = together.start(() -> inventory.device(deviceId));
        Together.Call<List<HistoryEntry>> history = null;
        Together.Call<List<CheckIn>> checkIns = null;
        Together.Call<List<Command>> commands = null;
        Together.Call<CredentialStatus> credential = null;
        Together.Call<List<LossReport>> open = null;
        Together.Call<List<Move>> moves = null;
        Together.Call<List<Assignment>> assignments = null;
        if (everything) {
            history = together.start(() -> inventory.history(deviceId, 20).items());
            // Check-ins learn of a device from inventory's event, a moment after it is added: until then they
            // answer 404, and the page shows the device without its check-ins, commands and credential.
            checkIns = together.start(() ->
                    unlessUnknownToCheckIns(() -> checkin.checkIns(deviceId, 5).items(), List.of()));
            commands = together.start(() -> unlessUnknownToCheckIns(() -> checkin.commands(deviceId), List.of()));
            credential = together.start(() -> unlessUnknownToCheckIns(() -> checkin.credential(deviceId), null));
            open = together.start(() -> lossReports.reportsOf(deviceId, "OPEN").items());
            moves = acts ? together.start(() -> inventory.moves(deviceId)) : null;
            assignments = together.start(() -> inventory.assignments(deviceId));
        }
        Together.Call<ChargePages.Summary> charges =
                everything ? together.start(() -> ChargePages.ofDevice(inventory, deviceId)) : null;
        Together.Call<Device> replaced =
                replacementDevice == null ? null : together.start(() -> inventory.device(replacementDevice));
        Device device = asked.get();
        DeviceExtras extras = DeviceExtras.NONE;
        if (everything) {
            List<String> actors = new ArrayList<>(Names.actorIds(
                    history.get().stream().map(HistoryEntry::actor).toList()));
            actors.addAll(Names.actorIds(
                    commands.get().stream().map(Command::issuedBy).toList()));
            CredentialStatus status = credential.get();
            if (status != null && status.issued() && status.issuedBy() != null) {
                actors.addAll(Names.actorIds(List.of(status.issuedBy())));
            }
            names.load(actors);
            List<LossReport> reports = open.get();
            extras = new DeviceExtras(
                    moves == null ? List.of() : moves.get(),
                    status,
                    reports.isEmpty() ? null : reports.get(0),
                    assignments.get());
        }
        Device replacement = null;
        if (replaced != null) {
            try {
                replacement = replaced.get();
            } catch (WebApplicationException e) {
                LOG.debugf("Replacement %s not shown (%s)", replacementId, Failures.cause(e));
            }
        }
        return html(Templates.device(
                pages.chrome("devices"),
                device,
                everything ? history.get() : List.of(),
                everything ? checkIns.get() : List.of(),
                everything ? commands.get() : List.of(),
                everything,
                acts,
                choice(flash.take("sent"), DeviceForms.COMMANDS),
                flash.take("registered") != null,
                extras,
                choice(flash.take("moved"), DeviceForms.STATUSES),
                flash.take("revoked") != null,
                replacement,
                charges == null ? ChargePages.Summary.NONE : charges.get()));
    }

    /** The check-in service's answer, or {@code unknown} when it does not know the device (yet). */
    static <T> T unlessUnknownToCheckIns(Supplier<T> call, T unknown) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return unknown;
            }
            throw e;
        }
    }

    /** The page that asks IT to confirm a lock, locate or wipe, naming the device. */
    @GET
    @Path("/devices/{id}/commands/new")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response confirmCommand(@PathParam("id") String id, @QueryParam("type") String type) {
        String command = choice(type, DeviceForms.COMMANDS);
        if (command == null) {
            throw new NotFoundException();
        }
        Device device = inventory.device(uuid(id));
        return html(Templates.confirmCommand(pages.chrome("devices"), device, command, null, List.of()));
    }

    @POST
    @Path("/devices/{id}/commands")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response issueCommand(
            @PathParam("id") String id,
            @FormParam("type") String type,
            @FormParam("reason") String reason,
            @FormParam("confirmTag") String confirmTag) {
        pages.requireActor();
        String command = choice(type, DeviceForms.COMMANDS);
        if (command == null) {
            throw new BadRequestException("Unknown command");
        }
        UUID deviceId = uuid(id);
        Device device = inventory.device(deviceId);
        List<FieldError> errors = new ArrayList<>();
        String why = blank(reason);
        if (why == null) {
            errors.add(new FieldError(
                    "reason",
                    "Enter why the " + command.toLowerCase(Locale.ROOT)
                            + " is needed, for example the loss report's number."));
        } else if (why.length() > 500) {
            errors.add(new FieldError("reason", "Keep the reason to 500 characters or fewer."));
        }
        if (command.equals("WIPE")
                && !device.assetTag().equalsIgnoreCase(blank(confirmTag) == null ? "" : confirmTag.trim())) {
            errors.add(new FieldError(
                    "confirmTag",
                    "Type the asset tag " + device.assetTag() + " to confirm that this device is to be wiped."));
        }
        if (errors.isEmpty()) {
            try {
                checkin.issue(
                        deviceId,
                        new CommandRequest(command, null, why, command.equals("WIPE") ? confirmTag.trim() : null));
                LOG.infof("Sent %s to device %s", command, deviceId);
                return Flash.seeOther("/devices/" + deviceId, "sent", command).build();
            } catch (WebApplicationException e) {
                Failures.Refusal refusal = Failures.refusedInput(e);
                errors.add(new FieldError("type", refusal.detail()));
            }
        }
        return html(422, Templates.confirmCommand(pages.chrome("devices"), device, command, why, errors));
    }

    /** A page answered with another status than 200 (a form sent back with its errors), never cached. */
    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(page)
                .build();
    }

    static Response html(TemplateInstance page) {
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The id, or none when the value is absent or not an id (a notice's value, never worth a 404). */
    private static UUID uuidOrNull(String id) {
        try {
            return blank(id) == null ? null : UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException();
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The value when it is one of the choices (any case), else none: a made-up value is no filter. */
    static String choice(String value, List<String> choices) {
        String v = blank(value);
        return v == null
                ? null
                : choices.stream()
                        .filter(c -> c.equalsIgnoreCase(v))
                        .findFirst()
                        .orElse(null);
    }

    private static final Map<String, String> FIELD_NAMES = Map.of(
            "q",
            "Search",
            "school",
            "School",
            "status",
            "Status",
            "type",
            "Type",
            "ownership",
            "Ownership",
            "assignee",
            "Holder");

    /** The API's message about a field, as a sentence that names the field as the page does. */
    static String sentence(String field, String message) {
        String name = FIELD_NAMES.getOrDefault(field, field);
        return name + " " + message;
    }
}
