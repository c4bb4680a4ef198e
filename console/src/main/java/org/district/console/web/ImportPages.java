package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.district.console.api.InventoryApi;
import org.district.console.api.Views.ImportReport;
import org.district.console.store.PendingImports;
import org.district.console.store.PendingImports.PendingImport;
import org.district.console.web.Failures.FieldError;
import org.district.support.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Imports of device and people CSV files, always in two steps: the uploaded file is checked first (a dry run: what
 * would be created, updated, left as it is, and each refused row with its line and reasons), and saved only when the
 * person then asks for it. What is saved is the very file that was checked: it waits in the console's database, for
 * its uploader only, for an hour at most.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    private static final Logger LOG = Logger.getLogger(ImportPages.class);

    /** The largest file the console takes (a district's whole inventory is a few megabytes). */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    /** Devices or people: what a file holds, where its pages are, and who may import it. */
    public enum Kind {
        DEVICES("devices", "Devices", "devices"),
        PEOPLE("people", "People", "people");

        public final String code;
        public final String title;
        public final String section;

        Kind(String code, String title, String section) {
            this.code = code;
            this.title = title;
            this.section = section;
        }

        public String path() {
            return "/" + code + "/import";
        }

        public boolean devices() {
            return this == DEVICES;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(Chrome chrome, Kind kind, List<FieldError> errors);

        static native TemplateInstance report(
                Chrome chrome, Kind kind, UUID id, String fileName, ImportReport report, boolean saved);
    }

    @Inject
    Pages pages;

    @Inject
    SecurityIdentity identity;

    @Inject
    PendingImports pending;

    @Inject
    @RestClient
    InventoryApi inventory;

    @GET
    @Path("/devices/import")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response devicesForm() {
        return DevicePages.html(Templates.upload(pages.chrome(Kind.DEVICES.section), Kind.DEVICES, List.of()));
    }

    @GET
    @Path("/people/import")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response peopleForm() {
        return DevicePages.html(Templates.upload(pages.chrome(Kind.PEOPLE.section), Kind.PEOPLE, List.of()));
    }

    @POST
    @Path("/devices/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.IT_ADMIN)
    public Response uploadDevices(@RestForm("file") FileUpload file) {
        return upload(Kind.DEVICES, file);
    }

    @POST
    @Path("/people/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response uploadPeople(@RestForm("file") FileUpload file) {
        return upload(Kind.PEOPLE, file);
    }

    @GET
    @Path("/devices/import/{id}")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response checkDevices(@PathParam("id") String id) {
        return check(Kind.DEVICES, id);
    }

    @GET
    @Path("/people/import/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response checkPeople(@PathParam("id") String id) {
        return check(Kind.PEOPLE, id);
    }

    @POST
    @Path("/devices/import/{id}")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response saveDevices(@PathParam("id") String id) {
        return save(Kind.DEVICES, id);
    }

    @POST
    @Path("/people/import/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response savePeople(@PathParam("id") String id) {
        return save(Kind.PEOPLE, id);
    }

    /** Keeps the uploaded file and sends the person to its dry run. */
    private Response upload(Kind kind, FileUpload file) {
        String problem = null;
        byte[] content = null;
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            problem = "Choose the CSV file to check.";
        } else if (file.size() == 0) {
            problem = "The file " + file.fileName() + " is empty. Choose a CSV file with a header row and one row per "
                    + (kind.devices() ? "device." : "person.");
        } else if (file.size() > MAX_FILE_BYTES) {
            problem = "The file " + file.fileName() + " is larger than 20 MB. Split it into smaller files and import"
                    + " each.";
        } else {
            try {
                content = Files.readAllBytes(file.uploadedFile());
            } catch (IOException e) {
                problem = "The file could not be read. Upload it again.";
            }
        }
        if (problem != null) {
            return DevicePages.html(
                    422, Templates.upload(pages.chrome(kind.section), kind, List.of(new FieldError("file", problem))));
        }
        UUID id = pending.save(owner(), kind.code, fileName(file.fileName()), content);
        return Response.seeOther(URI.create(kind.path() + "/" + id)).build();
    }

    /** The dry run of a waiting file: what saving it would do, row by row. */
    private Response check(Kind kind, String id) {
        PendingImport file =
                pending.find(DevicePages.uuid(id), owner(), kind.code).orElse(null);
        if (file == null) {
            return gone(kind);
        }
        ImportReport report;
        try {
            report = run(kind, file, true);
        } catch (WebApplicationException e) {
            return refused(kind, e);
        }
        return DevicePages.html(
                Templates.report(pages.chrome(kind.section), kind, file.id(), file.fileName(), report, false));
    }

    /** Saves the waiting file's valid rows and shows what was done; the file stops waiting. */
    private Response save(Kind kind, String id) {
        String owner = owner();
        PendingImport file =
                pending.take(DevicePages.uuid(id), owner, kind.code).orElse(null);
        if (file == null) {
            return gone(kind);
        }
        ImportReport report;
        try {
            report = run(kind, file, false);
        } catch (RuntimeException e) {
            // The file waits again: saving it once more saves what is missing and leaves saved rows unchanged.
            pending.putBack(owner, file);
            if (e instanceof WebApplicationException refusal && isInputRefusal(refusal)) {
                return refused(kind, refusal);
            }
            throw e;
        }
        LOG.infof(
                "Imported %s file %s: %d created, %d updated, %d refused",
                kind.code, file.id(), report.created(), report.updated(), report.rejected());
        return DevicePages.html(
                Templates.report(pages.chrome(kind.section), kind, file.id(), file.fileName(), report, true));
    }

    private ImportReport run(Kind kind, PendingImport file, boolean dryRun) {
        return kind.devices()
                ? inventory.importDevices(file.content(), dryRun)
                : inventory.importPeople(file.content(), dryRun);
    }

    /** A file the inventory cannot read at all (no header, unknown columns): the upload page says why. */
    private Response refused(Kind kind, WebApplicationException e) {
        Failures.Refusal refusal = Failures.refusedInput(e);
        List<FieldError> errors = refusal.errors().isEmpty()
                ? List.of(new FieldError("file", refusal.detail()))
                : refusal.errors().stream()
                        .map(error -> new FieldError("file", sentence(error.field(), error.message())))
                        .toList();
        return DevicePages.html(422, Templates.upload(pages.chrome(kind.section), kind, errors));
    }

    private static boolean isInputRefusal(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return status == 400 || status == 409 || status == 422;
    }

    private static String sentence(String field, String message) {
        return field == null || field.isBlank() ? message : "The file's " + field + " " + message;
    }

    /** A file that is not (or no longer) waiting for this person: the upload page says what happened. */
    private Response gone(Kind kind) {
        return DevicePages.html(
                404,
                Templates.upload(
                        pages.chrome(kind.section),
                        kind,
                        List.of(new FieldError(
                                "file",
                                "That file is no longer waiting to be saved: it was saved already, or it was uploaded"
                                        + " more than an hour ago. Upload it again to check it."))));
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }

    /** The name the file had on the person's computer, without any folder, for the pages to show. */
    private static String fileName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .strip();
        return base.length() > 200 ? base.substring(0, 200) : base;
    }
}
