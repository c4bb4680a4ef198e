package org.district.inventory.rest;

import static org.district.inventory.rest.DeviceResource.IMPORTS;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.UUID;
import org.district.inventory.entity.Person;
import org.district.inventory.service.ChargeService;
import org.district.inventory.service.PersonRequest;
import org.district.inventory.service.PersonService;
import org.district.inventory.service.csv.CsvExports;
import org.district.inventory.service.csv.ImportReport;
import org.district.inventory.service.csv.PersonColumns;
import org.district.inventory.service.csv.PersonImport;
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
 * People records. They hold personal data, so only IT staff and HR read or change them; anyone may read their own
 * record and acknowledge the Acceptable Use Policy for themselves.
 */
@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "People",
        description = "People records (employees and students). They hold personal data, so only IT staff and HR read"
                + " or change them; anyone may read their own record and acknowledge the Acceptable Use Policy for"
                + " themselves.")
@PathId(value = "The person's id", example = ApiExamples.PERSON_ID)
public class PersonResource {

    static final int NAMES_PER_CALL = 200;

    private static final Logger LOG = Logger.getLogger(PersonResource.class);
    static final int MAX_BULK = 5000;

    @Inject
    PersonService people;

    @Inject
    PersonImport personImport;

    @Inject
    CsvExports exports;

    @Inject
    Caller caller;

    @Inject
    ChargeService charges;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(
            operationId = "listPeople",
            summary = "List people",
            description = "IT staff and HR. Ordered by district id, in pages of limit (1 to 200, 50 by default), the"
                    + " next one from the page's nextCursor; filters combine with AND; q matches district id, name or"
                    + " email.")
    @Paged(name = "PersonPage", description = "One page of people, in district-id order.", cursorExample = "RTEwMjM0")
    @APIResponse(
            responseCode = "200",
            description = "One page of the matching people",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PersonView.class)))
    public PageView<PersonView> list(
            @BeanParam PersonSearch search,
            @QueryParam("q")
                    @Parameter(
                            description = "Text in the district id, name or email: 3 to 100 characters",
                            example = "Rivera",
                            schema = @Schema(type = SchemaType.STRING, minLength = 3, maxLength = 100))
                    String text,
            @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        PersonSearch.Filter filter = search.filter(check);
        String q = check.get(() -> Params.searchText("q", text, 100));
        int size = page.size(check);
        List<Person> rows = people.search(filter.school(), filter.kind(), filter.active(), q, page.afterText(), size);
        return PageView.of(rows, size, this::view, p -> Cursors.encode(p.districtId));
    }

    @GET
    @Path("/names")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.HR})
    @Operation(
            operationId = "listPersonNames",
            summary = "Names of people",
            description = "IT staff, auditors and HR. The name of each person named by districtId or id (repeat either,"
                    + " at most " + NAMES_PER_CALL + " in all), for lists that show people by name. Unknown ones are"
                    + " left out; none named gives an empty list.")
    @APIResponse(responseCode = "200", description = "The people found, each with id, district id and name")
    public List<PersonRefView> names(
            @QueryParam("districtId")
                    @Parameter(
                            description = "A district id (any case, at most 40 characters); repeat for more",
                            example = "[\"E10234\", \"E10007\"]",
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            maxItems = NAMES_PER_CALL,
                                            implementation = String.class))
                    List<String> districtIds,
            @QueryParam("id")
                    @Parameter(
                            description = "A person id; repeat for more",
                            example = "[\"" + ApiExamples.PERSON_ID + "\"]",
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            maxItems = NAMES_PER_CALL,
                                            implementation = UUID.class))
                    List<String> ids) {
        List<String> byDistrictId = districtIds == null
                ? List.of()
                : districtIds.stream()
                        .map(d -> Params.text("districtId", d, 40))
                        .filter(java.util.Objects::nonNull)
                        .toList();
        List<UUID> byId = ids == null
                ? List.of()
                : ids.stream().map(i -> Params.uuid("id", i)).toList();
        if (byDistrictId.size() + byId.size() > NAMES_PER_CALL) {
            throw InvalidException.of("districtId", "may name at most " + NAMES_PER_CALL + " people per call.");
        }
        return people.named(byDistrictId, byId).stream().map(PersonRefView::of).toList();
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL})
    @Operation(
            operationId = "getMyPerson",
            summary = "Your own person record",
            description =
                    "Any signed-in person (IT, HR, auditors, staff, supervisors, principals): the record whose district id is"
                            + " the caller's.")
    @APIResponse(responseCode = "200", description = "Your record")
    @APIResponse(responseCode = "404", description = "The registry holds no person record with your district id")
    public PersonView me() {
        return people.findByDistrictId(caller.subject())
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("person", String.valueOf(caller.subject())));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(
            operationId = "exportPeople",
            summary = "Export people as CSV",
            description = "IT staff and HR. Every person matching the filters, in district-id order, in the import's"
                    + " column layout. UTF-8, streamed; the header line comes even when nothing matches.")
    @CsvFile(name = "people.csv", example = ApiExamples.PEOPLE_CSV)
    public Response export(@BeanParam PersonSearch search) {
        ParamCheck check = new ParamCheck();
        PersonSearch.Filter filter = search.filter(check);
        check.done();
        return CsvDownload.byFirstCell(
                "people.csv",
                PersonColumns.HEADER,
                (after, size) -> exports.people(filter.school(), filter.kind(), filter.active(), after, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Versioned
    @Operation(
            operationId = "createPerson",
            summary = "Create a person",
            description = "IT staff and HR. The district id is stored upper case and must be unique; the supervisor"
                    + " must be a known person. Not idempotent: the same district id again answers 409 (use the bulk"
                    + " sync to create or update by district id).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            description = "The new record's address",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            example = "https://inventory.district.example/api/v1/people/"
                                                    + ApiExamples.PERSON_ID)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "409", description = "Another person already has this district id")
    public Response create(@Valid @NotNull PersonRequest input) {
        Person p = people.create(input, caller.actor());
        return Response.created(URI.create("/api/v1/people/" + p.id))
                .tag(Requests.etag(p.version))
                .entity(view(p))
                .build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(
            operationId = "syncPeople",
            summary = "Create or update many people by district id (nightly HR / SIS sync)",
            description = "IT staff and HR. Up to 5000 per request. Each valid entry is saved (created, or updated by"
                    + " district id) and each invalid one reported with its index; atomic=true saves nothing unless"
                    + " every entry is valid; dryRun=true only checks. Idempotent: the same list again leaves every"
                    + " record unchanged.")
    @APIResponse(responseCode = "200", description = "What the sync did (entries rejected are listed, not refused)")
    public ImportReport bulk(
            @NotNull @Size(max = MAX_BULK) List<PersonRequest> inputs, @BeanParam ImportParams params) {
        return personImport.fromList(inputs, params.mode(), caller.actor());
    }

    @POST
    @RateLimited(IMPORTS)
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(
            operationId = "importPeople",
            summary = "Import people from CSV",
            description = "IT staff and HR. Header row required (columns as in the export); rows are keyed by district"
                    + " id. Same semantics as the bulk sync, with line numbers. UTF-8 unless the Content-Type names"
                    + " another charset. Each person may import a few files a minute (devices and people together);"
                    + " beyond that 429.")
    @RequestBody(
            required = true,
            description = "The CSV file: a header line naming the columns, then one person per line",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "people", value = ApiExamples.PEOPLE_CSV)))
    @APIResponse(responseCode = "200", description = "What the import did (rows rejected are listed, not refused)")
    public ImportReport importCsv(InputStream body, @BeanParam ImportParams params) throws IOException {
        return params.importCsv(body, (file, mode) -> personImport.fromCsv(file, mode, caller.actor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Versioned
    @Operation(operationId = "getPerson", summary = "Read a person", description = "IT staff and HR.")
    @APIResponse(
            responseCode = "200",
            description = "The person record",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonView.class)))
    public Response get(@PathParam("id") String id) {
        Person p = people.get(Params.pathId("person", id));
        return Response.ok(view(p)).tag(Requests.etag(p.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Versioned
    @Operation(
            operationId = "updatePerson",
            summary = "Update a person",
            description = "IT staff and HR. Replaces the record's fields; the district id cannot change. Setting"
                    + " active=false records the departure (departedOn: today unless given). Send If-Match to refuse"
                    + " the update if the record changed since you read it (412). Idempotent: the same body again"
                    + " changes nothing and keeps the version.")
    @APIResponse(
            responseCode = "200",
            description = "The person record as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonView.class)))
    public Response update(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PersonRequest input) {
        Person p = people.update(Params.pathId("person", id), input, Requests.ifMatchVersion(ifMatch), caller.actor());
        return Response.ok(view(p)).tag(Requests.etag(p.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(
            operationId = "listPersonHistory",
            summary = "A person record's history, newest first",
            description = "IT staff and HR. Every change to the record (the latest 500 at most), newest first: who,"
                    + " when, what, from and to. What the person was charged, paid and waived is IT's: HR's answer"
                    + " leaves those entries out.")
    @APIResponse(responseCode = "200", description = "The changes (possibly none)")
    public List<HistoryEntryView> history(@PathParam("id") String id) {
        return people.history(Params.pathId("person", id), caller.is(Roles.IT_ADMIN)).stream()
                .map(HistoryEntryView::of)
                .toList();
    }

    @POST
    @Path("/{id}/aup-acknowledgement")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.AUDITOR})
    @Operation(
            operationId = "acknowledgeAup",
            summary = "Record today's Acceptable Use Policy acknowledgement",
            description = "IT and HR may record it for anyone; everyone else only for themselves (another person's"
                    + " record answers 404, as if it did not exist). No body. Idempotent: a second acknowledgement on"
                    + " the same day changes nothing.")
    @APIResponse(responseCode = "200", description = "The person record, acknowledged today")
    public PersonView acknowledgeAup(@PathParam("id") String id) {
        UUID personId = Params.pathId("person", id);
        if (!caller.is(Roles.IT_ADMIN) && !caller.is(Roles.HR)) {
            Person target = people.find(personId).orElse(null);
            if (target == null || !target.districtId.equalsIgnoreCase(caller.subject())) {
                LOG.infof("Refused %s acknowledging the AUP for person %s", caller.actor(), personId);
                throw new NotFoundException("person", personId.toString());
            }
        }
        return view(people.acknowledgeAup(personId, caller.actor()));
    }

    /** A person's balance of charges: IT and auditors read anyone's; anyone else only their own. */
    @GET
    @Path("/{id}/balance")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR, Roles.HR})
    @Operation(
            operationId = "getPersonBalance",
            summary = "What a person owes in all",
            description = "The sums of the person's charges: charged, paid, waived and outstanding (charged less paid"
                    + " and waived). IT staff and auditors read anyone's; anyone else only their own (their id is in"
                    + " GET /api/v1/people/me); another person answers 404, as if they did not exist.")
    @Tag(name = "Charges")
    @APIResponse(responseCode = "200", description = "The balance (zeros for a person never charged)")
    public BalanceView balance(@PathParam("id") String id) {
        UUID personId = Params.pathId("person", id);
        Person p = people.find(personId).orElseThrow(() -> new NotFoundException("person", personId.toString()));
        if (!caller.seesEverything() && !p.districtId.equalsIgnoreCase(caller.subject())) {
            LOG.infof("Refused %s reading the balance of person %s: not theirs", caller.actor(), personId);
            throw new NotFoundException("person", personId.toString());
        }
        return BalanceView.of(p, charges.totalsOf(personId));
    }

    private PersonView view(Person p) {
        return PersonView.of(p, people.aupCurrent(p));
    }
}
