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
import org.district.support.paging.Cursors;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * People records. They hold personal data, so only IT staff and HR read or change them; anyone may read their own
 * record and acknowledge the Acceptable Use Policy for themselves.
 */
@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People")
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

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(summary = "List people", description = "Ordered by district id; q matches district id, name or email.")
    public PageView<PersonView> list(
            @BeanParam PersonSearch search,
            @QueryParam("q") @Parameter(description = "Text in the district id, name or email: 3 to 100 characters")
                    String text,
            @BeanParam PageParams page) {
        int size = page.size();
        ParamCheck check = new ParamCheck();
        PersonSearch.Filter filter = search.filter(check);
        String q = check.get(() -> Params.searchText("q", text, 100));
        check.done();
        List<Person> rows = people.search(filter.school(), filter.kind(), filter.active(), q, page.afterText(), size);
        return PageView.of(rows, size, this::view, p -> Cursors.encode(p.districtId));
    }

    @GET
    @Path("/names")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.HR})
    @Operation(
            summary = "Names of people",
            description = "The name of each person named by districtId or id (repeat either, at most " + NAMES_PER_CALL
                    + " in all), for lists that show people by name. Unknown ones are left out.")
    public List<PersonRefView> names(
            @QueryParam("districtId") List<String> districtIds, @QueryParam("id") List<String> ids) {
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
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR})
    @Operation(summary = "Your own person record")
    public PersonView me() {
        return people.findByDistrictId(caller.subject())
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("person", String.valueOf(caller.subject())));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(summary = "Export people as CSV", description = "In the import's column layout.")
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
    @Operation(summary = "Create a person")
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
            summary = "Create or update many people by district id (nightly HR / SIS sync)",
            description = "Up to"
                    + " 5000 per request. Each valid entry is saved and each invalid one reported with its index; atomic=true"
                    + " saves nothing unless every entry is valid; dryRun=true only checks.")
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
            summary = "Import people from CSV",
            description = "Header row required (columns as in the export);"
                    + " rows are keyed by district id. Same semantics as the bulk sync, with line numbers.")
    public ImportReport importCsv(InputStream body, @BeanParam ImportParams params) throws IOException {
        return params.importCsv(body, (file, mode) -> personImport.fromCsv(file, mode, caller.actor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(summary = "Read a person")
    public Response get(@PathParam("id") String id) {
        Person p = people.get(Params.pathId("person", id));
        return Response.ok(view(p)).tag(Requests.etag(p.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(
            summary = "Update a person",
            description = "The district id cannot change. Send If-Match to refuse"
                    + " the update if the record changed since you read it.")
    public Response update(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PersonRequest input) {
        Person p = people.update(Params.pathId("person", id), input, Requests.ifMatchVersion(ifMatch), caller.actor());
        return Response.ok(view(p)).tag(Requests.etag(p.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(summary = "A person record's history, newest first")
    public List<HistoryEntryView> history(@PathParam("id") String id) {
        return people.history(Params.pathId("person", id)).stream()
                .map(HistoryEntryView::of)
                .toList();
    }

    @POST
    @Path("/{id}/aup-acknowledgement")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.STAFF, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(
            summary = "Record today's Acceptable Use Policy acknowledgement",
            description = "IT and HR may record it" + " for anyone; everyone else only for themselves.")
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

    private PersonView view(Person p) {
        return PersonView.of(p, people.aupCurrent(p));
    }

    /** The {@code active} filter: absent means everyone. */
}
