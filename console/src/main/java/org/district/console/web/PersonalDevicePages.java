package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.district.console.api.InventoryApi;
import org.district.console.api.Page;
import org.district.console.api.Views.NewPersonalDevice;
import org.district.console.api.Views.PersonalDevice;
import org.district.console.api.Views.PersonalDeviceDecision;
import org.district.console.api.Views.PersonalDeviceRemoval;
import org.district.console.api.Views.PersonalDeviceRenewal;
import org.district.console.web.Failures.FieldError;
import org.district.support.security.Roles;
import org.district.support.time.DistrictClock;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Personal devices under the district's policy (docs/personal-devices.md). Every member of staff registers their own
 * device and follows it in "My personal devices", asking again after a refusal, an expiry or a removal, or renewing an
 * approval that ends soon; principals (and IT) decide the requests of their school from "Personal device requests"
 * and the device's page, the page the notifier's emails link to; IT removes a device's access after a confirmation.
 * The inventory decides who sees and may do what, as its API does: the pages only ask, and show its refusals (an owner
 * whose Acceptable Use Policy acknowledgement is not current is said in words on the device's page).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PersonalDevicePages {

    private static final Logger LOG = Logger.getLogger(PersonalDevicePages.class);

    /** As many of the inventory's personal devices as one call reads. */
    static final int PER_CALL = 200;

    /**
     * As many calls as "My personal devices" makes to find the person's own among those they see (an approver sees
     * their school's, IT every one); the inventory lists only the person's own to anyone else, in one call.
     */
    static final int MOST_CALLS = 10;

    /** The access statuses, as the inventory names them. */
    static final List<String> ACCESS = List.of("PENDING", "APPROVED", "REFUSED", "EXPIRED", "REMOVED");

    /** What "My personal devices" offers on a device: to ask again, or to renew. */
    static final String ASK_AGAIN = "ASK_AGAIN";

    static final String RENEW = "RENEW";

    /** The notices of the device's page, after the step named. */
    static final List<String> DONE = List.of("registered", "asked", "approved", "refused", "removed");

    /** One of the person's own devices, with what they may ask now (none, {@link #ASK_AGAIN} or {@link #RENEW}). */
    public record Mine(PersonalDevice device, String action) {}

    /**
     * What the device's page shows the person reading it.
     *
     * @param owner the device is theirs (they may ask again or renew)
     * @param decides they may approve or refuse now (an approver of its school or IT, not the owner, and something
     *     awaits a decision)
     * @param removes IT, while the device has access to remove
     * @param everything IT or an auditor (names by the people's records, the device's history)
     * @param action what the owner may ask now
     * @param decidedBy who decided last, in words
     * @param ownRequest an approver (or IT) reading their own request, which someone else decides
     */
    public record Viewer(
            boolean owner,
            boolean decides,
            boolean removes,
            boolean everything,
            String action,
            String decidedBy,
            boolean ownRequest) {}

    /** The form that registers one's own device, as sent. */
    public static class DeviceFields {
        @RestForm
        String type;

        @RestForm
        String make;

        @RestForm
        String model;

        @RestForm
        String serialNumber;

        @RestForm
        String purpose;

        @RestForm
        String lockAndLocateConsent;

        Map<String, String> values() {
            Map<String, String> v = new HashMap<>();
            v.put("type", type);
            v.put("make", make);
            v.put("model", model);
            v.put("serialNumber", serialNumber);
            v.put("purpose", purpose);
            v.put("lockAndLocateConsent", lockAndLocateConsent);
            return v;
        }

        boolean consents() {
            return "yes".equalsIgnoreCase(DevicePages.blank(lockAndLocateConsent))
                    || "true".equalsIgnoreCase(DevicePages.blank(lockAndLocateConsent));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance myPersonalDevices(
                Chrome chrome, List<Mine> devices, boolean more, PersonalDevice done, String doneKind);

        static native TemplateInstance newPersonalDevice(Chrome chrome, Form form);

        static native TemplateInstance requests(
                Chrome chrome,
                List<PersonalDevice> requests,
                String nextCursor,
                boolean firstPage,
                boolean everything,
                String school);

        static native TemplateInstance personalDevice(
                Chrome chrome, PersonalDevice device, Viewer viewer, String done, Form form, boolean aupNotCurrent);

        static native TemplateInstance confirmRemoval(Chrome chrome, PersonalDevice device, Form form);
    }

    /** The fields of the registration form in the order it shows them: the error summary lists them so. */
    static final List<String> ORDER =
            List.of("type", "make", "model", "serialNumber", "purpose", "lockAndLocateConsent");

    @Inject
    Flash flash;

    @Inject
    Pages pages;

    @Inject
    Names names;

    @Inject
    Language language;

    @Inject
    DistrictClock clock;

    @Inject
    @RestClient
    InventoryApi inventory;

    // ---------------------------------------------------------------- my personal devices

    @GET
    @Path("/personal-devices")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN})
    public Response mine() {
        String registered = flash.take("registered");
        String asked = flash.take("asked");
        String me = pages.districtId();
        List<PersonalDevice> own = new ArrayList<>();
        String cursor = null;
        int calls = 0;
        do {
            Page<PersonalDevice> page = inventory.personalDevices(null, null, null, cursor, PER_CALL);
            page.items().stream().filter(d -> owns(d, me)).forEach(own::add);
            cursor = page.nextCursor();
            calls++;
        } while (cursor != null && calls < MOST_CALLS);
        LocalDate today = clock.today();
        List<Mine> rows =
                own.stream().map(d -> new Mine(d, ownerAction(d, today))).toList();
        // The notice names the device just registered or asked for again, when it is one of the person's own.
        String doneKind = DevicePages.blank(registered) != null ? "registered" : "asked";
        String doneId = DevicePages.blank(registered) != null ? registered.trim() : DevicePages.blank(asked);
        PersonalDevice done = doneId == null
                ? null
                : own.stream()
                        .filter(d -> d.id().toString().equalsIgnoreCase(doneId))
                        .findFirst()
                        .orElse(null);
        return DevicePages.html(
                Templates.myPersonalDevices(pages.chrome("personal-devices"), rows, cursor != null, done, doneKind));
    }

    @GET
    @Path("/personal-devices/new")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN})
    public Response newDevice() {
        return DevicePages.html(Templates.newPersonalDevice(
                pages.chrome("personal-devices"), Form.empty(Map.of("type", "LAPTOP", "lockAndLocateConsent", ""))));
    }

    @POST
    @Path("/personal-devices/new")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN})
    public Response register(@BeanParam DeviceFields fields) {
        Staff words = language.staff();
        Form form = Form.empty(fields.values());
        List<FieldError> errors = new ArrayList<>();
        String type = DevicePages.choice(fields.type, DeviceForms.TYPES);
        if (type == null) {
            errors.add(new FieldError("type", words.chooseType()));
        }
        // Every field left empty is named at once, in the person's language, before the inventory is asked.
        for (String[] required : List.of(
                new String[] {"make", fields.make, words.enterMake()},
                new String[] {"model", fields.model, words.enterModel()},
                new String[] {"serialNumber", fields.serialNumber, words.enterSerial()},
                new String[] {"purpose", fields.purpose, words.enterPurpose()})) {
            if (DevicePages.blank(required[1]) == null) {
                errors.add(new FieldError(required[0], required[2]));
            }
        }
        if (errors.isEmpty()) {
            try {
                PersonalDevice device = inventory.requestPersonalDevice(new NewPersonalDevice(
                        type,
                        DevicePages.blank(fields.make),
                        DevicePages.blank(fields.model),
                        DevicePages.blank(fields.serialNumber),
                        DevicePages.blank(fields.purpose),
                        fields.consents()));
                LOG.infof("Registered personal device %s for its owner", device.id());
                return Flash.seeOther("/personal-devices", "registered", device.id())
                        .build();
            } catch (WebApplicationException e) {
                errors.addAll(refused(e, words));
            }
        }
        return DevicePages.html(
                422,
                Templates.newPersonalDevice(pages.chrome("personal-devices"), form.withErrors(inFormOrder(errors))));
    }

    /** The owner asks again (after a refusal, an expiry or a removal) or renews an approval that ends soon. */
    @POST
    @Path("/personal-devices/{id}/renewal")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN})
    public Response renew(
            @PathParam("id") String id, @FormParam("purpose") String purpose, @FormParam("from") String from) {
        UUID deviceId = DevicePages.uuid(id);
        try {
            inventory.renewPersonalDevice(deviceId, new PersonalDeviceRenewal(DevicePages.blank(purpose)));
            LOG.infof("Asked again for personal device %s", deviceId);
            return ("list".equals(from)
                            ? Flash.seeOther("/personal-devices", "asked", deviceId)
                            : Flash.seeOther("/personal-devices/" + deviceId, "done", "asked"))
                    .build();
        } catch (WebApplicationException e) {
            Failures.Refusal refusal = Failures.refusedInput(e);
            List<FieldError> errors = new ArrayList<>();
            if (refusal.errors().isEmpty()) {
                errors.add(new FieldError("purpose", refusal.detail()));
            }
            for (FieldError error : refusal.errors()) {
                errors.add(new FieldError(
                        "purpose", Failures.sentence(language.staff().purposeLabel(), error.message())));
            }
            Map<String, String> values = new HashMap<>();
            values.put("purpose", purpose);
            return DevicePages.html(422, page(deviceId, null, Form.empty(values).withErrors(errors), false));
        }
    }

    // ---------------------------------------------------------------- the approvers' requests

    @GET
    @Path("/personal-devices/requests")
    @RolesAllowed({Roles.PRINCIPAL, Roles.IT_ADMIN, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR, Roles.HR})
    public Response requests(@QueryParam("school") String school, @QueryParam("cursor") String cursor) {
        String only = pages.seesEverything() ? DevicePages.blank(school) : null;
        // What awaits a decision, of the schools the person decides for (the inventory narrows it): first requests
        // and renewals the owners asked for. Their own device, if one waits, is decided by someone else.
        Page<PersonalDevice> page =
                inventory.personalDevices(null, only, Boolean.TRUE, DevicePages.blank(cursor), DevicePages.PAGE_SIZE);
        String me = pages.districtId();
        List<PersonalDevice> requests =
                page.items().stream().filter(d -> !owns(d, me)).toList();
        return DevicePages.html(Templates.requests(
                pages.chrome("personal-device-requests"),
                requests,
                page.nextCursor(),
                DevicePages.blank(cursor) == null,
                pages.seesEverything(),
                only));
    }

    // ---------------------------------------------------------------- one personal device

    /** The device's standing, as its owner, the approvers of its school, IT and auditors see it (404 for anyone else). */
    @GET
    @Path("/personal-devices/{id}")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN, Roles.AUDITOR})
    public Response device(@PathParam("id") String id) {
        UUID deviceId = DevicePages.uuid(id);
        return DevicePages.html(
                page(deviceId, DevicePages.choice(flash.take("done"), DONE), Form.empty(Map.of()), false));
    }

    @POST
    @Path("/personal-devices/{id}/decision")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN})
    public Response decide(
            @PathParam("id") String id,
            @FormParam("decision") String decision,
            @FormParam("note") String note,
            @FormParam("reason") String reason) {
        UUID deviceId = DevicePages.uuid(id);
        Staff words = language.staff();
        String choice = DevicePages.choice(decision, List.of("APPROVE", "REFUSE"));
        Map<String, String> values = new HashMap<>();
        values.put("note", note);
        values.put("reason", reason);
        List<FieldError> errors = new ArrayList<>();
        boolean refuse = "REFUSE".equals(choice);
        String why = DevicePages.blank(refuse ? reason : note);
        if (choice == null) {
            throw new BadRequestException("Unknown decision");
        }
        if (refuse && why == null) {
            errors.add(new FieldError("reason", words.enterRefuseReason()));
        }
        boolean aupNotCurrent = false;
        if (errors.isEmpty()) {
            try {
                inventory.decidePersonalDevice(deviceId, new PersonalDeviceDecision(choice, why));
                LOG.infof("Decided %s on personal device %s", choice, deviceId);
                return Flash.seeOther("/personal-devices/" + deviceId, "done", refuse ? "refused" : "approved")
                        .build();
            } catch (WebApplicationException e) {
                Failures.Refusal refusal = Failures.refusedInput(e);
                if (refusal.is("aup-not-acknowledged")) {
                    // Said in words on the page: the request keeps waiting until the owner acknowledges the policy.
                    aupNotCurrent = true;
                } else {
                    errors.addAll(decisionErrors(refusal, refuse, words));
                }
            }
        }
        return DevicePages.html(422, page(deviceId, null, Form.empty(values).withErrors(errors), aupNotCurrent));
    }

    // ---------------------------------------------------------------- IT removes access

    @GET
    @Path("/personal-devices/{id}/removal/new")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response confirmRemoval(@PathParam("id") String id) {
        PersonalDevice device = inventory.personalDevice(DevicePages.uuid(id));
        return DevicePages.html(
                Templates.confirmRemoval(pages.chrome("personal-device-requests"), device, Form.empty(Map.of())));
    }

    @POST
    @Path("/personal-devices/{id}/removal")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response remove(@PathParam("id") String id, @FormParam("reason") String reason) {
        pages.requireActor();
        UUID deviceId = DevicePages.uuid(id);
        List<FieldError> errors = new ArrayList<>();
        String why = DevicePages.blank(reason);
        if (why == null) {
            errors.add(new FieldError(
                    "reason",
                    "Enter why access is removed, for example the ticket of the violation: the owner and the"
                            + " approvers are told."));
        } else if (why.length() > 500) {
            errors.add(new FieldError("reason", "Keep the reason to 500 characters or fewer."));
        }
        if (errors.isEmpty()) {
            try {
                inventory.removePersonalDevice(deviceId, new PersonalDeviceRemoval(why));
                LOG.infof("Removed the access of personal device %s", deviceId);
                return Flash.seeOther("/personal-devices/" + deviceId, "done", "removed")
                        .build();
            } catch (WebApplicationException e) {
                Failures.Refusal refusal = Failures.refusedInput(e);
                if (refusal.errors().isEmpty()) {
                    errors.add(new FieldError("reason", refusal.detail()));
                }
                for (FieldError error : refusal.errors()) {
                    errors.add(new FieldError("reason", Failures.sentence("Reason", error.message())));
                }
            }
        }
        PersonalDevice device = inventory.personalDevice(deviceId);
        Map<String, String> values = new HashMap<>();
        values.put("reason", reason);
        return DevicePages.html(
                422,
                Templates.confirmRemoval(
                        pages.chrome("personal-device-requests"),
                        device,
                        Form.empty(values).withErrors(errors)));
    }

    // ---------------------------------------------------------------- helpers

    private TemplateInstance page(UUID deviceId, String done, Form form, boolean aupNotCurrent) {
        PersonalDevice device = inventory.personalDevice(deviceId);
        boolean everything = pages.seesEverything();
        boolean owner = owns(device, pages.districtId());
        // Anyone who sees a device they do not own is IT, an auditor or an approver of its school.
        boolean decider = !owner && device.awaitingDecision() && (pages.acts() || !pages.is(Roles.AUDITOR));
        boolean removes = pages.acts() && ("APPROVED".equals(device.access()) || "PENDING".equals(device.access()));
        // The owner's form to ask again starts from what they use it for now.
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("note", "reason", "purpose")) {
            values.put(field, form.value(field));
        }
        values.putIfAbsent("purpose", device.purpose());
        Form shown = new Form(values, form.errors());
        Viewer viewer = new Viewer(
                owner,
                decider,
                removes,
                everything,
                owner ? ownerAction(device, clock.today()) : null,
                decidedBy(device.decidedBy(), everything, language.staff()),
                owner && device.awaitingDecision() && (pages.is(Roles.PRINCIPAL) || pages.acts()));
        String section = owner && !everything ? "personal-devices" : "personal-device-requests";
        return Templates.personalDevice(pages.chrome(section), device, viewer, done, shown, aupNotCurrent);
    }

    /**
     * Who decided last, in words: IT and auditors read the person's name (they may look people up); everyone else
     * reads their role ("The principal"), as the owner is told.
     */
    String decidedBy(String actor, boolean everything, Staff words) {
        if (actor == null || actor.isBlank()) {
            return null;
        }
        String role = decider(actor, words);
        return everything && !role.equals(words.bySystems()) ? names.actor(actor) : role;
    }

    /**
     * The role of a decision's actor ("PRINCIPAL:E3001"), as the owner reads who decided; a step nobody took by hand
     * (an expiry, a violation checkin-service found) is the district's systems'.
     */
    static String decider(String actor, Staff words) {
        int colon = actor.indexOf(':');
        String role = colon < 0 ? "SYSTEM" : actor.substring(0, colon).toUpperCase(Locale.ROOT);
        return switch (role) {
            case Roles.PRINCIPAL -> words.byPrincipal();
            case Roles.IT_ADMIN -> words.byIt();
            case "SYSTEM", "DEVICE", "ANONYMOUS" -> words.bySystems();
            default -> words.byApprover();
        };
    }

    /** What the owner may ask for now: again after it ended, to renew from 30 days before the approval's end. */
    static String ownerAction(PersonalDevice d, LocalDate today) {
        if ("RETIRED".equals(d.deviceStatus())) {
            return null;
        }
        if (d.ended() && d.renewalRequestedAt() == null) {
            return ASK_AGAIN;
        }
        if ("APPROVED".equals(d.access())
                && d.renewalRequestedAt() == null
                && d.renewableFrom() != null
                && !today.isBefore(d.renewableFrom())) {
            return RENEW;
        }
        return null;
    }

    /** Whether the person of this district id owns the device. */
    static boolean owns(PersonalDevice d, String districtId) {
        return districtId != null
                && d.owner() != null
                && d.owner().districtId() != null
                && d.owner().districtId().equalsIgnoreCase(districtId.strip());
    }

    /** The inventory's refusal of a registration, by the form's fields, in the person's language where it can be. */
    static List<FieldError> refused(WebApplicationException e, Staff words) {
        Failures.Refusal refusal = Failures.refusedInput(e);
        Map<String, String> labels = Map.of(
                "type", words.type(),
                "make", words.make(),
                "model", words.model(),
                "serialNumber", words.serialNumber(),
                "purpose", words.purposeLabel(),
                "lockAndLocateConsent", words.consentLegend());
        if (refusal.errors().isEmpty()) {
            return List.of(new FieldError("type", refusal.detail()));
        }
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : refusal.errors()) {
            String field = error.field();
            String message = error.message();
            if (field.equals("serialNumber")
                    && (message.startsWith("is already used") || message.startsWith("must be unique"))) {
                errors.add(new FieldError("serialNumber", words.serialTaken()));
            } else if (labels.containsKey(field)) {
                boolean whole = !message.isEmpty() && Character.isUpperCase(message.charAt(0));
                errors.add(new FieldError(field, whole ? message : Failures.sentence(labels.get(field), message)));
            } else {
                // A field the form does not have (the owner's own record): said as the inventory says it.
                errors.add(new FieldError("type", Failures.sentence(field, message)));
            }
        }
        return errors;
    }

    /** A refusal of a decision, next to the form it concerns (the refusal's reason, or the approval's note). */
    static List<FieldError> decisionErrors(Failures.Refusal refusal, boolean refuse, Staff words) {
        String field = refuse ? "reason" : "note";
        if (refusal.errors().isEmpty()) {
            return List.of(new FieldError("decide", refusal.detail()));
        }
        String label = refuse ? words.refuseReason() : words.approveNote();
        return refusal.errors().stream()
                .map(error -> new FieldError(
                        "reason".equals(error.field()) ? field : "decide",
                        "reason".equals(error.field()) ? Failures.sentence(label, error.message()) : refusal.detail()))
                .toList();
    }

    /** The messages in the order of the form's fields. */
    static List<FieldError> inFormOrder(List<FieldError> errors) {
        return errors.stream()
                .sorted(java.util.Comparator.comparingInt(e -> {
                    int at = ORDER.indexOf(e.field());
                    return at < 0 ? ORDER.size() : at;
                }))
                .toList();
    }
}
