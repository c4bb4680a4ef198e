package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClientResponse;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.district.console.api.InventoryApi;
import org.district.console.api.InventoryExport;
import org.district.console.api.Page;
import org.district.console.api.Views.Balance;
import org.district.console.api.Views.Charge;
import org.district.console.api.Views.Device;
import org.district.console.api.Views.Me;
import org.district.console.api.Views.NewCharge;
import org.district.console.api.Views.NewPayment;
import org.district.console.api.Views.NewWaiver;
import org.district.console.api.Views.Payment;
import org.district.console.api.Views.PersonName;
import org.district.console.api.Views.Waiver;
import org.district.console.web.Failures.FieldError;
import org.district.support.security.Roles;
import org.district.support.time.DistrictClock;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * Charges: what people owe for devices they damaged or lost. IT and auditors list them (filtered, as CSV for the
 * business office) and read each with its payments and waivers; IT records a charge from a device page, and payments
 * and waivers on the charge's page, where the inventory's refusals (more than is outstanding, a receipt already
 * recorded) are shown by the field they concern. Staff read their own charges in "My charges". The inventory decides
 * everything, as its API does; the pages only ask.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ChargePages {

    private static final Logger LOG = Logger.getLogger(ChargePages.class);

    static final List<String> STATUSES = List.of("OPEN", "PAID", "WAIVED", "SETTLED");
    static final List<String> REASONS = List.of("DAMAGE", "LOSS");

    /** As many of a person's or a device's charges as their page shows; the charges list has the rest. */
    static final int SHOWN = 20;

    /** The charges list's filters as the person set them (blank ones absent). */
    public record Filters(String status, String person, String device) {

        public String query(String cursor) {
            return Links.of(
                    "", Links.parameters("status", status, "person", person, "device", device, "cursor", cursor));
        }

        public boolean any() {
            return Stream.of(status, person, device).anyMatch(v -> v != null);
        }

        /** The statuses a charge can have, for the filter's choices. */
        public List<String> statuses() {
            return STATUSES;
        }
    }

    /** What a person's or a device's page shows of their charges: the latest, and the person's balance. */
    public record Summary(Balance balance, List<Charge> charges, boolean more) {
        static final Summary NONE = new Summary(null, List.of(), false);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance charges(
                Chrome chrome,
                Filters filters,
                List<Charge> charges,
                String nextCursor,
                boolean firstPage,
                Form form,
                PersonName person,
                Balance balance);

        static native TemplateInstance charge(
                Chrome chrome,
                Charge charge,
                boolean acts,
                String recorded,
                Form payment,
                Form waiver,
                List<FieldError> errors);

        static native TemplateInstance newCharge(Chrome chrome, Device device, Form form);

        static native TemplateInstance myCharges(
                Chrome chrome, Balance balance, Page<Charge> charges, boolean firstPage);
    }

    /** The labels of the payment form's fields, which start the inventory's messages about them. */
    static final Map<String, String> PAYMENT_LABELS = Map.of(
            "amount", "Amount paid",
            "paidOn", "Paid on",
            "reference", "Receipt or cheque reference",
            "note", "Note");

    /** The waiver form's fields, named apart from the payment form's on the same page. */
    static final Map<String, String> WAIVER_LABELS = Map.of("waiverAmount", "Amount waived", "waiverReason", "Reason");

    private static final Map<String, String> WAIVER_FIELDS = Map.of("amount", "waiverAmount", "reason", "waiverReason");

    /** The labels of the form that records a charge. */
    static final Map<String, String> CHARGE_LABELS = Map.of(
            "person", "District id of the person charged",
            "reason-damage", "Reason",
            "amount", "Amount owed",
            "description", "What the charge is for");

    private static final Map<String, String> CHARGE_FIELDS =
            Map.of("personId", "person", "reason", "reason-damage", "deviceId", "amount");

    @Inject
    Flash flash;

    @Inject
    Pages pages;

    @Inject
    Names names;

    @Inject
    DistrictClock clock;

    @Inject
    InventoryExport export;

    @Inject
    @RestClient
    InventoryApi inventory;

    // ---------------------------------------------------------------- the list and its export

    @GET
    @Path("/devices/charges")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    public Response charges(
            @QueryParam("status") String status,
            @QueryParam("person") String person,
            @QueryParam("device") String device,
            @QueryParam("cursor") String cursor) {
        Filters filters = filters(status, person, device);
        List<FieldError> errors = new ArrayList<>();
        PersonName who = personOf(filters.person(), "person", errors);
        Device what = deviceOf(filters.device(), errors);
        Page<Charge> page = new Page<>(List.of(), DevicePages.PAGE_SIZE, null);
        Balance balance = null;
        if (errors.isEmpty()) {
            page = inventory.charges(
                    who == null ? null : who.id(),
                    what == null ? null : what.id(),
                    filters.status(),
                    DevicePages.blank(cursor),
                    DevicePages.PAGE_SIZE);
            balance = who == null ? null : inventory.balance(who.id());
        }
        return DevicePages.html(Templates.charges(
                pages.chrome("charges"),
                filters,
                page.items(),
                page.nextCursor(),
                DevicePages.blank(cursor) == null,
                new Form(Links.parameters("person", filters.person(), "device", filters.device()), errors),
                who,
                balance));
    }

    /**
     * Exactly the charges of the list's filters, as the inventory exports them for the business office (IT and
     * auditors), passed through as it arrives.
     */
    @GET
    @Path("/devices/charges/export.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Blocking
    public RestMulti<Buffer> export(
            @QueryParam("status") String status,
            @QueryParam("person") String person,
            @QueryParam("device") String device) {
        Filters filters = filters(status, person, device);
        List<FieldError> errors = new ArrayList<>();
        PersonName who = personOf(filters.person(), "person", errors);
        Device what = deviceOf(filters.device(), errors);
        if (!errors.isEmpty()) {
            // The list says what is wrong with the filters.
            throw new WebApplicationException(Response.seeOther(URI.create("/devices/charges" + filters.query(null)))
                    .build());
        }
        Map<String, String> query = Links.parameters(
                "personId", who == null ? null : who.id().toString(),
                "deviceId", what == null ? null : what.id().toString(),
                "status", filters.status());
        return RestMulti.fromUniResponse(
                export.charges(query),
                HttpClientResponse::toMulti,
                answer -> Map.of(
                        "Content-Type",
                                List.of(
                                        answer.getHeader("Content-Type") == null
                                                ? "text/csv"
                                                : answer.getHeader("Content-Type")),
                        "Content-Disposition", List.of("attachment; filename=\"charges.csv\""),
                        "Cache-Control", List.of("no-store")),
                HttpClientResponse::statusCode);
    }

    // ---------------------------------------------------------------- one charge, its payments and waivers

    @GET
    @Path("/devices/charges/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    public Response charge(@PathParam("id") String id) {
        Charge charge = inventory.charge(DevicePages.uuid(id));
        return DevicePages.html(page(
                charge,
                DevicePages.choice(flash.take("recorded"), List.of("charge", "payment", "waiver")),
                paymentForm(Map.of()),
                Form.empty(Map.of()),
                List.of()));
    }

    @POST
    @Path("/devices/charges/{id}/payments")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response pay(
            @PathParam("id") String id,
            @FormParam("amount") String amount,
            @FormParam("paidOn") String paidOn,
            @FormParam("reference") String reference,
            @FormParam("note") String note) {
        pages.requireActor();
        UUID chargeId = DevicePages.uuid(id);
        Map<String, String> values = new HashMap<>();
        values.put("amount", amount);
        values.put("paidOn", paidOn);
        values.put("reference", reference);
        values.put("note", note);
        List<FieldError> errors = new ArrayList<>();
        BigDecimal sum = required(amount, "amount", "Enter the amount paid, for example 50.00.", errors);
        LocalDate day = date(paidOn, "paidOn", "Enter the day it was paid, for example 2026-12-04.", errors);
        if (errors.isEmpty()) {
            try {
                inventory.pay(
                        chargeId, new NewPayment(sum, day, DevicePages.blank(reference), DevicePages.blank(note)));
                LOG.infof("Recorded a payment on charge %s", chargeId);
                return Flash.seeOther("/devices/charges/" + chargeId, "recorded", "payment")
                        .build();
            } catch (WebApplicationException e) {
                errors.addAll(refused(e, "amount", PAYMENT_LABELS, Map.of()));
            }
        }
        List<FieldError> found = inFormOrder(errors, List.of("amount", "paidOn", "reference", "note"));
        return DevicePages.html(
                422,
                page(
                        inventory.charge(chargeId),
                        null,
                        Form.empty(values).withErrors(found),
                        Form.empty(Map.of()),
                        found));
    }

    @POST
    @Path("/devices/charges/{id}/waivers")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response waive(
            @PathParam("id") String id,
            @FormParam("waiverAmount") String amount,
            @FormParam("waiverReason") String reason) {
        pages.requireActor();
        UUID chargeId = DevicePages.uuid(id);
        Map<String, String> values = new HashMap<>();
        values.put("waiverAmount", amount);
        values.put("waiverReason", reason);
        List<FieldError> errors = new ArrayList<>();
        BigDecimal sum = required(amount, "waiverAmount", "Enter the amount to waive, for example 25.00.", errors);
        String why = DevicePages.blank(reason);
        if (why == null) {
            errors.add(new FieldError(
                    "waiverReason",
                    "Say why the district waives it, for example \"Hardship, approved by the principal\"."));
        }
        if (errors.isEmpty()) {
            try {
                inventory.waive(chargeId, new NewWaiver(sum, why));
                LOG.infof("Recorded a waiver on charge %s", chargeId);
                return Flash.seeOther("/devices/charges/" + chargeId, "recorded", "waiver")
                        .build();
            } catch (WebApplicationException e) {
                errors.addAll(refused(e, "waiverAmount", WAIVER_LABELS, WAIVER_FIELDS));
            }
        }
        List<FieldError> found = inFormOrder(errors, List.of("waiverAmount", "waiverReason"));
        return DevicePages.html(
                422,
                page(
                        inventory.charge(chargeId),
                        null,
                        paymentForm(Map.of()),
                        Form.empty(values).withErrors(found),
                        found));
    }

    private TemplateInstance page(Charge charge, String recorded, Form payment, Form waiver, List<FieldError> errors) {
        List<String> actors = new ArrayList<>();
        actors.add(charge.createdBy());
        Optional.ofNullable(charge.payments()).orElse(List.of()).stream()
                .map(Payment::recordedBy)
                .forEach(actors::add);
        Optional.ofNullable(charge.waivers()).orElse(List.of()).stream()
                .map(Waiver::recordedBy)
                .forEach(actors::add);
        names.load(Names.actorIds(actors));
        return Templates.charge(pages.chrome("charges"), charge, pages.acts(), recorded, payment, waiver, errors);
    }

    /** The payment form as it starts: paid today, in the district's time. */
    private Form paymentForm(Map<String, String> values) {
        Map<String, String> start = new HashMap<>(values);
        start.putIfAbsent("paidOn", clock.today().toString());
        return Form.empty(start);
    }

    // ---------------------------------------------------------------- recording a charge

    @GET
    @Path("/devices/{id}/charges/new")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response newCharge(@PathParam("id") String id) {
        Device device = inventory.device(DevicePages.uuid(id));
        Map<String, String> start = new HashMap<>();
        if (device.assignee() != null) {
            start.put("person", device.assignee().districtId());
        }
        start.put("reason", lost(device) ? "LOSS" : "DAMAGE");
        return DevicePages.html(Templates.newCharge(pages.chrome("devices"), device, Form.empty(start)));
    }

    @POST
    @Path("/devices/{id}/charges")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response recordCharge(
            @PathParam("id") String id,
            @FormParam("person") String person,
            @FormParam("reason") String reason,
            @FormParam("amount") String amount,
            @FormParam("description") String description) {
        pages.requireActor();
        UUID deviceId = DevicePages.uuid(id);
        Device device = inventory.device(deviceId);
        Map<String, String> values = new HashMap<>();
        values.put("person", person);
        values.put("reason", reason);
        values.put("amount", amount);
        values.put("description", description);
        List<FieldError> errors = new ArrayList<>();
        String districtId = DevicePages.blank(person);
        PersonName who = null;
        if (districtId == null) {
            errors.add(
                    new FieldError("person", "Enter the district id of the person who owes it, for example E10234."));
        } else {
            who = personOf(districtId.toUpperCase(Locale.ROOT), "person", errors);
        }
        String why = DevicePages.choice(reason, REASONS);
        if (why == null) {
            errors.add(new FieldError("reason-damage", "Choose whether the charge is for damage or for a loss."));
        }
        BigDecimal sum = required(amount, "amount", "Enter the amount owed, for example 150.00.", errors);
        String what = DevicePages.blank(description);
        if (what == null) {
            errors.add(new FieldError(
                    "description", "Say what the charge is for, for example \"Cracked screen, replaced\"."));
        }
        if (errors.isEmpty()) {
            try {
                Charge charge = inventory.charge(new NewCharge(who.id(), deviceId, why, sum, what));
                LOG.infof("Recorded charge %s for device %s", charge.id(), deviceId);
                return Flash.seeOther("/devices/charges/" + charge.id(), "recorded", "charge")
                        .build();
            } catch (WebApplicationException e) {
                errors.addAll(refused(e, "amount", CHARGE_LABELS, CHARGE_FIELDS));
            }
        }
        return DevicePages.html(
                422,
                Templates.newCharge(
                        pages.chrome("devices"),
                        device,
                        Form.empty(values)
                                .withErrors(inFormOrder(
                                        errors, List.of("person", "reason-damage", "amount", "description")))));
    }

    // ---------------------------------------------------------------- staff: their own charges

    @GET
    @Path("/devices/my-charges")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.HR, Roles.IT_ADMIN, Roles.AUDITOR})
    public Response myCharges(@QueryParam("cursor") String cursor) {
        Me me = me();
        if (pages.seesEverything()) {
            // IT and auditors read every charge: theirs are the list's, filtered to them.
            return Response.seeOther(URI.create(Links.of(
                            "/devices/charges", Links.parameters("person", me == null ? null : me.districtId()))))
                    .build();
        }
        Balance balance = me == null ? null : inventory.balance(me.id());
        Page<Charge> page = inventory.charges(null, null, null, DevicePages.blank(cursor), DevicePages.PAGE_SIZE);
        return DevicePages.html(
                Templates.myCharges(pages.chrome("my-charges"), balance, page, DevicePages.blank(cursor) == null));
    }

    /** The signed-in person as the inventory knows them; none when it does not (nothing can be charged to them). */
    private Me me() {
        try {
            return inventory.me();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- what person and device pages show

    /** A person's balance and latest charges (IT and auditors; nothing for anyone else). */
    static Summary ofPerson(Pages pages, InventoryApi inventory, UUID personId) {
        if (!pages.seesEverything()) {
            return Summary.NONE;
        }
        Page<Charge> page = inventory.charges(personId, null, null, null, SHOWN);
        return new Summary(inventory.balance(personId), page.items(), page.hasNext());
    }

    /** A device's latest charges (what IT and auditors see on its page). */
    static Summary ofDevice(InventoryApi inventory, UUID deviceId) {
        Page<Charge> page = inventory.charges(null, deviceId, null, null, SHOWN);
        return new Summary(null, page.items(), page.hasNext());
    }

    // ---------------------------------------------------------------- helpers

    private static Filters filters(String status, String person, String device) {
        String who = DevicePages.blank(person);
        return new Filters(
                DevicePages.choice(status, STATUSES),
                who == null ? null : who.toUpperCase(Locale.ROOT),
                DevicePages.blank(device));
    }

    /** The person of this district id; none (with a message at {@code field}) when no one has it. */
    private PersonName personOf(String districtId, String field, List<FieldError> errors) {
        if (districtId == null) {
            return null;
        }
        Optional<PersonName> found = inventory.names(List.of(districtId)).stream()
                .filter(p -> p.districtId().equalsIgnoreCase(districtId))
                .findFirst();
        if (found.isEmpty()) {
            errors.add(new FieldError(field, "No one has the district id " + districtId + "."));
            return null;
        }
        return found.get();
    }

    /** The device with this asset tag; none (with a message) when no device has it. */
    private Device deviceOf(String assetTag, List<FieldError> errors) {
        if (assetTag == null) {
            return null;
        }
        Optional<Device> found = Optional.empty();
        try {
            found = inventory.devices(assetTag, null, null, null, null, null, null, null, null, 10).items().stream()
                    .filter(d -> d.assetTag().equalsIgnoreCase(assetTag))
                    .findFirst();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400) {
                throw e;
            }
        }
        if (found.isEmpty()) {
            errors.add(new FieldError("device", "No device has the asset tag " + assetTag + "."));
            return null;
        }
        return found.get();
    }

    private static boolean lost(Device device) {
        return List.of("LOST", "STOLEN", "WRITTEN_OFF").contains(device.status());
    }

    /** An amount that must be given: none (with {@code missing}, or the format's message) when it is not one. */
    static BigDecimal required(String raw, String field, String missing, List<FieldError> errors) {
        if (DevicePages.blank(raw) == null) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        String label = PAYMENT_LABELS.containsKey(field)
                ? PAYMENT_LABELS.get(field)
                : WAIVER_LABELS.getOrDefault(field, CHARGE_LABELS.getOrDefault(field, "The amount"));
        return Form.amount(raw, field, label, errors);
    }

    /** A day as the browser's date field sends it (2026-12-04); none (with a message) when it is missing or no day. */
    static LocalDate date(String raw, String field, String missing, List<FieldError> errors) {
        String v = DevicePages.blank(raw);
        if (v == null) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, PAYMENT_LABELS.get(field) + " must be a date, for example 2026-12-04."));
            return null;
        }
    }

    /**
     * The inventory's refusal of a form as messages by the form's fields ({@code renames} maps its field names to the
     * form's): a whole sentence of the inventory's stands as it is ("At most 30.00 is outstanding on this charge;
     * ..."), a receipt already recorded is said as the inventory says it, and a refusal that names no field of the
     * form is shown at {@code fallbackField}.
     */
    static List<FieldError> refused(
            WebApplicationException e, String fallbackField, Map<String, String> labels, Map<String, String> renames) {
        Failures.Refusal refusal = Failures.refusedInput(e);
        if (refusal.errors().isEmpty()) {
            return List.of(new FieldError(fallbackField, refusal.detail()));
        }
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : refusal.errors()) {
            String field = renames.getOrDefault(error.field(), error.field());
            if (!labels.containsKey(field)) {
                field = fallbackField;
            }
            String message = error.message().startsWith("must be unique") ? refusal.detail() : error.message();
            boolean whole = !message.isEmpty() && Character.isUpperCase(message.charAt(0));
            errors.add(new FieldError(field, whole ? message : Failures.sentence(labels.get(field), message)));
        }
        return errors;
    }

    /** The messages in the order of the form's fields. */
    static List<FieldError> inFormOrder(List<FieldError> errors, List<String> order) {
        return errors.stream()
                .sorted(Comparator.comparingInt(e -> {
                    int at = order.indexOf(e.field());
                    return at < 0 ? order.size() : at;
                }))
                .toList();
    }
}
