package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.console.api.CheckInApi;
import org.district.console.api.InventoryApi;
import org.district.console.api.Views;
import org.district.console.api.Views.Device;
import org.district.console.api.Views.IssuedCredential;
import org.district.console.api.Views.Locations;
import org.district.console.api.Views.Move;
import org.district.console.api.Views.MoveRequest;
import org.district.console.web.Failures.FieldError;
import org.district.support.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * What IT does to one device besides lock, locate and wipe: the lifecycle's moves the inventory allows now (assign,
 * take back, sanitize, and the status changes), the agent's credential (issued or replaced, shown once; revoked), and
 * where a lost device was seen. Every action is asked on a page that names the device, and done only from there.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DeviceActionPages {

    private static final Logger LOG = Logger.getLogger(DeviceActionPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirmMove(Chrome chrome, Device device, Move move, Form form);

        static native TemplateInstance confirmCredential(
                Chrome chrome, Device device, boolean replaces, boolean revoke);

        static native TemplateInstance credentialIssued(Chrome chrome, Device device, IssuedCredential credential);

        static native TemplateInstance enrolmentCode(Chrome chrome, Device device, Views.EnrolmentCode code);

        static native TemplateInstance locations(Chrome chrome, Device device, Locations seen);
    }

    /** The labels of the move form's fields, which start the inventory's messages about them. */
    private static final Map<String, String> LABELS = Map.of(
            "personDistrictId", "District id of the person",
            "note", "Note",
            "method", "How it was sanitized",
            "reason", "Reason",
            "costOwed", "Cost owed",
            "dueOn", "Due back on");

    @Inject
    Pages pages;

    @Inject
    @RestClient
    InventoryApi inventory;

    @Inject
    @RestClient
    CheckInApi checkin;

    @GET
    @Path("/devices/{id}/moves/new")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response confirmMove(
            @PathParam("id") String id, @QueryParam("operation") String operation, @QueryParam("to") String to) {
        UUID deviceId = DevicePages.uuid(id);
        Move move = allowed(deviceId, operation, to);
        Device device = inventory.device(deviceId);
        return DevicePages.html(Templates.confirmMove(pages.chrome("devices"), device, move, Form.empty(Map.of())));
    }

    @POST
    @Path("/devices/{id}/moves")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response move(
            @PathParam("id") String id,
            @FormParam("operation") String operation,
            @FormParam("to") String to,
            @FormParam("personDistrictId") String personDistrictId,
            @FormParam("note") String note,
            @FormParam("method") String method,
            @FormParam("reason") String reason,
            @FormParam("costOwed") String costOwed,
            @FormParam("dueOn") String dueOn) {
        pages.requireActor();
        UUID deviceId = DevicePages.uuid(id);
        Move move = new Move(DevicePages.blank(operation), DevicePages.blank(to));
        Map<String, String> values = new HashMap<>();
        values.put("personDistrictId", personDistrictId);
        values.put("note", note);
        values.put("method", method);
        values.put("reason", reason);
        values.put("costOwed", costOwed);
        values.put("dueOn", dueOn);
        Form form = Form.empty(values);
        List<FieldError> errors = new ArrayList<>();
        if ("ASSIGN".equals(move.operation()) && DevicePages.blank(personDistrictId) == null) {
            errors.add(
                    new FieldError("personDistrictId", "Enter the district id of the person who receives the device."));
        }
        BigDecimal cost = Form.amount(costOwed, "costOwed", LABELS.get("costOwed"), errors);
        LocalDate due = "ASSIGN".equals(move.operation()) ? LoanPages.date(dueOn, "dueOn", errors) : null;
        if (errors.isEmpty()) {
            try {
                send(deviceId, move, form, cost, due);
                // The form's "to" is the browser's word: only a known status goes into the log and the address.
                String moved = DevicePages.choice(move.status(), DeviceForms.STATUSES);
                LOG.infof("Moved device %s: %s to %s", deviceId, move.operation(), moved);
                return (moved == null
                                ? Response.seeOther(URI.create("/devices/" + deviceId))
                                : Flash.seeOther("/devices/" + deviceId, "moved", moved))
                        .build();
            } catch (WebApplicationException e) {
                String fallback =
                        switch (move.operation() == null ? "" : move.operation()) {
                            case "ASSIGN" -> "personDistrictId";
                            case "RETURN" -> "note";
                            case "SANITIZE" -> "method";
                            default -> "reason";
                        };
                errors.addAll(Failures.fieldErrors(e, fallback, LABELS, Map.of("personId", "personDistrictId")));
            }
        }
        Device device = inventory.device(deviceId);
        return DevicePages.html(
                422, Templates.confirmMove(pages.chrome("devices"), device, move, form.withErrors(errors)));
    }

    private void send(UUID deviceId, Move move, Form form, BigDecimal cost, LocalDate dueOn) {
        String note = DevicePages.blank(form.value("note"));
        switch (move.operation() == null ? "" : move.operation()) {
            case "ASSIGN" -> inventory.assign(
                    deviceId,
                    new MoveRequest.Assignment(DevicePages.blank(form.value("personDistrictId")), note, dueOn));
            case "RETURN" -> inventory.takeBack(deviceId, new MoveRequest.Return(note));
            case "SANITIZE" -> inventory.sanitize(
                    deviceId, new MoveRequest.Sanitization(DevicePages.blank(form.value("method")), note));
            case "CHANGE_STATUS" -> inventory.changeStatus(
                    deviceId,
                    new MoveRequest.StatusChange(move.status(), DevicePages.blank(form.value("reason")), cost));
            default -> throw new NotFoundException();
        }
    }

    /** The move, if the inventory allows it now; a page for any other is "not found". */
    private Move allowed(UUID deviceId, String operation, String to) {
        return inventory.moves(deviceId).stream()
                .filter(m -> m.operation().equals(operation) && m.status().equals(to))
                .findFirst()
                .orElseThrow(NotFoundException::new);
    }

    // ---------------------------------------------------------------- the agent's credential

    @GET
    @Path("/devices/{id}/credential/new")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response confirmIssue(@PathParam("id") String id) {
        UUID deviceId = DevicePages.uuid(id);
        Device device = inventory.device(deviceId);
        boolean replaces = checkin.credential(deviceId).issued();
        return DevicePages.html(Templates.confirmCredential(pages.chrome("devices"), device, replaces, false));
    }

    /** Issues the credential and shows it, once: the page is never cached and the secret is not kept anywhere. */
    @POST
    @Path("/devices/{id}/credential")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response issue(@PathParam("id") String id) {
        pages.requireActor();
        UUID deviceId = DevicePages.uuid(id);
        Device device = inventory.device(deviceId);
        IssuedCredential credential = checkin.issueCredential(deviceId);
        LOG.infof("Issued a credential for device %s", deviceId);
        return secretPage(Templates.credentialIssued(pages.chrome("devices"), device, credential));
    }

    /** Creates a one-time enrolment code and shows it, once (the page is never cached). */
    @POST
    @Path("/devices/{id}/enrolment-code")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response enrolmentCode(@PathParam("id") String id) {
        pages.requireActor();
        UUID deviceId = DevicePages.uuid(id);
        Device device = inventory.device(deviceId);
        Views.EnrolmentCode code = checkin.createEnrolmentCode(deviceId);
        LOG.infof("Created an enrolment code for device %s", deviceId);
        return secretPage(Templates.enrolmentCode(pages.chrome("devices"), device, code));
    }

    /** A page showing a secret once: no cache may keep it. */
    private static Response secretPage(TemplateInstance page) {
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    @GET
    @Path("/devices/{id}/credential/revoke")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response confirmRevoke(@PathParam("id") String id) {
        Device device = inventory.device(DevicePages.uuid(id));
        return DevicePages.html(Templates.confirmCredential(pages.chrome("devices"), device, true, true));
    }

    @POST
    @Path("/devices/{id}/credential/revoke")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response revoke(@PathParam("id") String id) {
        pages.requireActor();
        UUID deviceId = DevicePages.uuid(id);
        checkin.revokeCredential(deviceId);
        LOG.infof("Revoked the credential of device %s", deviceId);
        return Flash.seeOther("/devices/" + deviceId, "revoked", "1").build();
    }

    // ---------------------------------------------------------------- where a lost device was seen

    /** IT only; the check-in service records who read the locations, and when. */
    @GET
    @Path("/devices/{id}/locations")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response locations(@PathParam("id") String id) {
        UUID deviceId = DevicePages.uuid(id);
        Device device = inventory.device(deviceId);
        Locations seen = checkin.locations(deviceId);
        return DevicePages.html(Templates.locations(pages.chrome("devices"), device, seen));
    }
}
