package org.district.inventory.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.district.contracts.inventory.PersonKind;
import org.district.inventory.Person;
import org.district.inventory.config.DistrictClock;
import org.district.inventory.config.InventorySettings;
import org.district.inventory.repository.HistoryRepository;
import org.district.inventory.service.PersonInput;
import org.district.inventory.service.PersonService;
import org.district.inventory.service.imports.ImportReport;
import org.district.inventory.service.imports.PersonImport;
import org.district.support.csv.CsvWriter;
import org.district.support.problem.Params;
import org.district.support.problem.ProblemException;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    private static final Logger LOG = Logger.getLogger(PersonResource.class);
    private static final int EXPORT_CHUNK = 1000;
    static final int MAX_BULK = 5000;

    @Inject
    PersonService people;

    @Inject
    PersonImport personImport;

    @Inject
    HistoryRepository historyRepository;

    @Inject
    DistrictClock clock;

    @Inject
    InventorySettings settings;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(summary = "List people", description = "Ordered by district id; q matches district id, name or email.")
    public PageView<PersonView> list(
            @QueryParam("school") String school,
            @QueryParam("kind") String kind,
            @QueryParam("active") String active,
            @QueryParam("q") String text,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        int size = Params.intInRange("limit", limit, 1, DeviceResource.MAX_LIMIT, 50);
        String q = Params.text("q", text, 100);
        if (q != null && q.length() < 3) {
            throw ProblemException.invalidField("q", "must be at least 3 characters.");
        }
        List<Person> rows = people.search(
                Params.text("school", school, 40),
                Params.enumValue("kind", kind, PersonKind.class),
                active == null || active.isBlank() ? null : Requests.flag("active", active),
                q,
                Cursors.decode(cursor),
                size);
        boolean more = rows.size() > size;
        List<Person> page = more ? rows.subList(0, size) : rows;
        return new PageView<>(
                page.stream().map(this::view).collect(Collectors.toList()),
                size,
                more ? Cursors.encode(page.get(page.size() - 1).districtId) : null);
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR})
    @Operation(summary = "Your own person record")
    public PersonView me() {
        return people.findByDistrictId(caller.subject())
                .map(this::view)
                .orElseThrow(() -> ProblemException.notFound("person", String.valueOf(caller.subject())));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(summary = "Export people as CSV", description = "In the import's column layout.")
    public Response export(
            @QueryParam("school") String school, @QueryParam("kind") String kind, @QueryParam("active") String active) {
        String schoolCode = Params.text("school", school, 40);
        PersonKind personKind = Params.enumValue("kind", kind, PersonKind.class);
        Boolean activeOnly = active == null || active.isBlank() ? null : Requests.flag("active", active);
        StreamingOutput body = output -> {
            CsvWriter csv = new CsvWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            csv.row(PersonImport.COLUMNS);
            String after = null;
            while (true) {
                String from = after;
                List<List<Object>> rows = QuarkusTransaction.requiringNew()
                        .call(() -> people.search(schoolCode, personKind, activeOnly, null, from, EXPORT_CHUNK).stream()
                                .limit(EXPORT_CHUNK)
                                .map(PersonResource::csvRow)
                                .collect(Collectors.toList()));
                for (List<Object> row : rows) {
                    csv.row(row);
                }
                csv.flush();
                if (rows.size() < EXPORT_CHUNK) {
                    break;
                }
                after = (String) rows.get(rows.size() - 1).get(0);
            }
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"people.csv\"")
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(summary = "Create a person")
    public Response create(@Valid @NotNull PersonInput input) {
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
            @NotNull @Size(max = MAX_BULK) List<PersonInput> inputs,
            @QueryParam("atomic") String atomic,
            @QueryParam("dryRun") String dryRun) {
        return personImport.fromList(inputs, Requests.importMode(atomic, dryRun), caller.actor());
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(
            summary = "Import people from CSV",
            description = "Header row required (columns as in the export);"
                    + " rows are keyed by district id. Same semantics as the bulk sync, with line numbers.")
    public ImportReport importCsv(
            InputStream body,
            @Context HttpHeaders headers,
            @QueryParam("atomic") String atomic,
            @QueryParam("dryRun") String dryRun)
            throws IOException {
        var mode = Requests.importMode(atomic, dryRun);
        try (Reader reader = Requests.text(body, headers.getMediaType())) {
            return personImport.fromCsv(reader, mode, caller.actor());
        }
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
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PersonInput input) {
        Person p = people.update(Params.pathId("person", id), input, Requests.ifMatchVersion(ifMatch), caller.actor());
        return Response.ok(view(p)).tag(Requests.etag(p.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    @Operation(summary = "A person record's history, newest first")
    public List<HistoryEntryView> history(@PathParam("id") String id) {
        UUID personId = Params.pathId("person", id);
        people.get(personId);
        return historyRepository.forPerson(personId, null, 500).stream()
                .map(HistoryEntryView::of)
                .collect(Collectors.toList());
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
                throw ProblemException.notFound("person", personId.toString());
            }
        }
        return view(people.acknowledgeAup(personId, caller.actor()));
    }

    private PersonView view(Person p) {
        return PersonView.of(p, clock.today(), settings.aupValidDays());
    }

    private static List<Object> csvRow(Person p) {
        return Arrays.asList(
                p.districtId,
                p.givenName,
                p.familyName,
                p.email,
                p.kind,
                p.school,
                p.supervisor == null ? null : p.supervisor.districtId,
                p.active,
                p.departedOn,
                p.aupAcknowledgedOn);
    }
}
