package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.console.api.InventoryApi;
import org.district.console.api.Views.Device;
import org.district.console.api.Views.Loan;
import org.district.console.api.Views.Replacement;
import org.district.console.web.Failures.FieldError;
import org.district.support.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Loaners and replacements: the devices lent until a due date and not yet given back (IT and auditors), overdue ones
 * first; and, for IT, issuing the holder of a lost or stolen device another one in one step, as a loaner when a due
 * date is given. The inventory decides both, as its API does; its refusals are shown next to the form's fields.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoanPages {

    private static final Logger LOG = Logger.getLogger(LoanPages.class);

    /** As many loaners as the inventory lists at once. */
    static final int LOANS_SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance loaners(
                Chrome chrome, boolean overdueOnly, String school, List<Loan> loans, boolean more);

        static native TemplateInstance replacement(Chrome chrome, Device lost, Form form);
    }

    /** The labels of the replacement form's fields, which start the inventory's messages about them. */
    static final Map<String, String> LABELS =
            Map.of("assetTag", "Asset tag of the replacement", "dueOn", "Due back on", "note", "Note");

    /** The inventory names the replacement by id or asset tag; the form asks for the tag. */
    private static final Map<String, String> API_FIELDS = Map.of("deviceId", "assetTag");

    @Inject
    Pages pages;

    @Inject
    @RestClient
    InventoryApi inventory;

    @GET
    @Path("/devices/loaners")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    public Response loaners(@QueryParam("overdue") String overdue, @QueryParam("school") String school) {
        boolean overdueOnly = "true".equalsIgnoreCase(DevicePages.blank(overdue));
        String only = DevicePages.blank(school);
        List<Loan> loans = inventory.loans(overdueOnly ? Boolean.TRUE : null, only, LOANS_SHOWN);
        return DevicePages.html(
                Templates.loaners(pages.chrome("loaners"), overdueOnly, only, loans, loans.size() >= LOANS_SHOWN));
    }

    @GET
    @Path("/devices/{id}/replacement/new")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response replacementForm(@PathParam("id") String id) {
        Device lost = inventory.device(DevicePages.uuid(id));
        return DevicePages.html(Templates.replacement(pages.chrome("devices"), lost, Form.empty(Map.of())));
    }

    @POST
    @Path("/devices/{id}/replacement")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response replace(
            @PathParam("id") String id,
            @FormParam("assetTag") String assetTag,
            @FormParam("dueOn") String dueOn,
            @FormParam("note") String note) {
        pages.requireActor();
        UUID lostId = DevicePages.uuid(id);
        Map<String, String> values = new HashMap<>();
        values.put("assetTag", assetTag);
        values.put("dueOn", dueOn);
        values.put("note", note);
        List<FieldError> errors = new ArrayList<>();
        String tag = DevicePages.blank(assetTag);
        if (tag == null) {
            errors.add(new FieldError("assetTag", "Enter the asset tag of the device the person receives instead."));
        }
        LocalDate due = date(dueOn, "dueOn", errors);
        if (errors.isEmpty()) {
            try {
                Device replacement = inventory.replace(lostId, new Replacement(tag, due, DevicePages.blank(note)));
                LOG.infof("Issued device %s as a replacement for device %s", replacement.id(), lostId);
                return Flash.seeOther("/devices/" + lostId, "replacement", replacement.id())
                        .build();
            } catch (WebApplicationException e) {
                errors.addAll(inFormOrder(Failures.fieldErrors(e, "assetTag", LABELS, API_FIELDS)));
            }
        }
        Device lost = inventory.device(lostId);
        return DevicePages.html(
                422,
                Templates.replacement(
                        pages.chrome("devices"), lost, Form.empty(values).withErrors(errors)));
    }

    /**
     * A date as the browser's date field sends it (2026-12-18); none for an empty field. One that is no date adds the
     * field's message to {@code errors} and gives none.
     */
    static LocalDate date(String raw, String field, List<FieldError> errors) {
        String v = DevicePages.blank(raw);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, LABELS.get(field) + " must be a date, for example 2026-12-18."));
            return null;
        }
    }

    /** The messages in the order of the form's fields. */
    static List<FieldError> inFormOrder(List<FieldError> errors) {
        List<String> order = List.of("assetTag", "dueOn", "note");
        return errors.stream()
                .sorted(java.util.Comparator.comparingInt(e -> {
                    int at = order.indexOf(e.field());
                    return at < 0 ? order.size() : at;
                }))
                .toList();
    }
}
