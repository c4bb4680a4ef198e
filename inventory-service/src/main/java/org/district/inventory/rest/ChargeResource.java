package org.district.inventory.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.inventory.domain.ChargeFilter;
import org.district.inventory.entity.Charge;
import org.district.inventory.entity.Person;
import org.district.inventory.service.ChargeRequest;
import org.district.inventory.service.ChargeService;
import org.district.inventory.service.PaymentRequest;
import org.district.inventory.service.PersonService;
import org.district.inventory.service.WaiverRequest;
import org.district.inventory.service.csv.ChargeColumns;
import org.district.support.csv.CsvDownload;
import org.district.support.domain.NotFoundException;
import org.district.support.openapi.CsvFile;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Charges over HTTP: IT staff charge a person for a device they damaged or lost and record payments and waivers; IT
 * and auditors read every charge; anyone else only their own (other charges answer 404, as if they did not exist).
 */
@Path("/api/v1/charges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Charges",
        description = "What people owe for devices they damaged or lost: IT staff record charges, payments and"
                + " waivers; IT and auditors read every charge and balance; anyone else only their own.")
@PathId(value = "The charge's id", example = ApiExamples.CHARGE_ID)
public class ChargeResource {

    /** A line of the export with the position the next chunk starts after. */
    private record ExportRow(Instant createdAt, UUID id, List<Object> cells) {}

    private static final Logger LOG = Logger.getLogger(ChargeResource.class);

    @Inject
    ChargeService charges;

    @Inject
    PersonService people;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR, Roles.HR})
    @Operation(
            operationId = "listCharges",
            summary = "List charges",
            description = "Filters combine with AND. Newest first, in pages of limit (1 to 200, 50 by default): pass a"
                    + " page's nextCursor as cursor for the next one. IT staff and auditors list every charge; anyone"
                    + " else only their own (another person's id as personId gives an empty page).")
    @Paged(
            name = "ChargePage",
            description = "One page of charges, newest first.",
            cursorExample = "MTc3MjM3MzkwMC4wfDZlMWI3YTUyLTNjNGQtNGY4ZS05YTBiLTJjM2Q0ZTVmNmE3Yg")
    @APIResponse(
            responseCode = "200",
            description = "One page of the matching charges the caller may see",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ChargeView.class)))
    public PageView<ChargeView> list(@BeanParam ChargeSearch search, @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        ChargeFilter parsed = check.get(search::filter);
        int size = page.size(check);
        Cursors.Position after = page.after(2);
        Optional<ChargeFilter> filter = visibleFilter(parsed);
        if (filter.isEmpty()) {
            return PageView.empty(size);
        }
        List<Charge> rows = charges.page(
                filter.get(), after == null ? null : after.instant(0), after == null ? null : after.id(1), size);
        return PageView.of(rows, size, ChargeView::of, c -> Cursors.encode(c.createdAt, c.id));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "exportCharges",
            summary = "Export charges as CSV",
            description = "IT staff and auditors, for the business office. Every charge matching the filters (as for"
                    + " the list), newest first, with its totals. UTF-8, streamed; the header line comes even when"
                    + " nothing matches. A cell a spreadsheet would run as a formula starts with an apostrophe.")
    @CsvFile(
            name = "charges.csv",
            example = "id,createdAt,personDistrictId,assetTag,reason,description,amount,paid,waived,"
                    + "outstanding,status,createdBy,updatedAt,personId,deviceId\n"
                    + ApiExamples.CHARGE_ID + ",2026-03-01T14:05:00Z,E10234,LHS-0042,DAMAGE,"
                    + "Cracked screen; replaced by the repair depot.,150.00,50.00,0.00,100.00,OPEN,"
                    + "IT_ADMIN:E10001,2026-03-02T15:10:00Z," + ApiExamples.PERSON_ID + ","
                    + ApiExamples.DEVICE_ID + "\n")
    public Response export(@BeanParam ChargeSearch search) {
        ChargeFilter filter = search.filter();
        return CsvDownload.of(
                "charges.csv",
                ChargeColumns.HEADER,
                (ExportRow last, int size) -> charges.exportChunk(
                        filter,
                        last == null ? null : last.createdAt(),
                        last == null ? null : last.id(),
                        size,
                        c -> new ExportRow(c.createdAt, c.id, ChargeColumns.row(c))),
                ExportRow::cells);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "recordCharge",
            summary = "Charge a person for a damaged or lost device",
            description = "IT staff. The person and the device must be known (a departed person may be charged). The"
                    + " charge starts OPEN with everything outstanding. Not idempotent: sending it again records a"
                    + " second charge.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            headers =
                    @Header(
                            name = "Location",
                            description = "The new charge's address",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            example = "https://inventory.district.example/api/v1/charges/"
                                                    + ApiExamples.CHARGE_ID)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChargeView.class)))
    public Response record(@Valid @NotNull ChargeRequest input) {
        Charge c = charges.record(input, caller.actor());
        return Response.created(URI.create("/api/v1/charges/" + c.id))
                .entity(ChargeView.of(c, List.of(), List.of()))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR, Roles.HR})
    @Operation(
            operationId = "getCharge",
            summary = "Read a charge with its payments and waivers",
            description = "IT staff and auditors read every charge; anyone else only a charge they owe. Any other"
                    + " charge answers 404, as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The charge")
    public ChargeView get(@PathParam("id") String id) {
        return full(visible(Params.pathId("charge", id)));
    }

    @POST
    @Path("/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "recordChargePayment",
            summary = "Record a payment against a charge",
            description = "IT staff. At most what is outstanding; a charge with nothing outstanding takes no more"
                    + " payments (409). When nothing is left outstanding the charge becomes PAID (or SETTLED when part"
                    + " was waived). Not idempotent, but a reference already recorded on the charge answers 409.")
    @APIResponse(responseCode = "200", description = "The charge with its payments and waivers")
    @APIResponse(
            responseCode = "409",
            description = "The amount is more than is outstanding, nothing is outstanding, or the charge already has a"
                    + " payment with this reference")
    public ChargeView pay(@PathParam("id") String id, @Valid @NotNull PaymentRequest payment) {
        return full(charges.pay(Params.pathId("charge", id), payment, caller.actor()).id);
    }

    @POST
    @Path("/{id}/waivers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "recordChargeWaiver",
            summary = "Waive part or all of a charge",
            description = "IT staff. At most what is outstanding; a charge with nothing outstanding takes no more"
                    + " waivers (409). When nothing is left outstanding the charge becomes WAIVED (or SETTLED when part"
                    + " was paid). Not idempotent: sending it again waives the amount again.")
    @APIResponse(responseCode = "200", description = "The charge with its payments and waivers")
    @APIResponse(
            responseCode = "409",
            description = "The amount is more than is outstanding, or nothing is outstanding")
    public ChargeView waive(@PathParam("id") String id, @Valid @NotNull WaiverRequest waiver) {
        return full(charges.waive(Params.pathId("charge", id), waiver, caller.actor()).id);
    }

    private ChargeView full(Charge c) {
        return ChargeView.of(c, charges.payments(c.id), charges.waivers(c.id));
    }

    /** The charge just changed, read again with its person and device (the change's own session has ended). */
    private ChargeView full(UUID id) {
        return full(charges.find(id).orElseThrow(() -> new NotFoundException("charge", id.toString())));
    }

    /** The charge, if the caller may see it; 404 otherwise (a person must not learn what others owe). */
    private Charge visible(UUID id) {
        Charge c = charges.find(id).orElseThrow(() -> new NotFoundException("charge", id.toString()));
        if (caller.seesEverything()) {
            return c;
        }
        // District ids are stored upper case; the token's subject is matched the way people.findByDistrictId does.
        if (c.person.districtId.equalsIgnoreCase(caller.subject())) {
            return c;
        }
        LOG.infof("Refused %s reading charge %s: not theirs", caller.actor(), id);
        throw new NotFoundException("charge", id.toString());
    }

    /** The filter, narrowed to the caller's own charges unless they see everything; empty if nothing matches. */
    private Optional<ChargeFilter> visibleFilter(ChargeFilter filter) {
        if (caller.seesEverything()) {
            return Optional.of(filter);
        }
        Optional<Person> me = people.findByDistrictId(caller.subject());
        if (me.isEmpty() || (filter.personId() != null && !filter.personId().equals(me.get().id))) {
            return Optional.empty();
        }
        return Optional.of(filter.onlyOf(me.get().id));
    }
}
