package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.district.console.api.InventoryApi;
import org.district.console.api.Views.Device;
import org.district.console.api.Views.NewAcquisition;
import org.district.console.api.Views.NewDevice;
import org.district.console.api.Views.NewPerson;
import org.district.console.api.Views.Person;
import org.district.console.web.Failures.FieldError;
import org.district.support.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Registering one device (IT) or one person (IT, HR) by hand. The inventory checks every field as it does for its API,
 * and its messages are the ones shown next to the fields, each starting with the field's label; the console itself
 * only reads the amounts and dates the browser sends.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RegistrationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newDevice(Chrome chrome, Form form);

        static native TemplateInstance newPerson(Chrome chrome, Form form);
    }

    /** The device form as sent. */
    public static class DeviceFields {
        @RestForm
        String assetTag;

        @RestForm
        String serialNumber;

        @RestForm
        String type;

        @RestForm
        String make;

        @RestForm
        String model;

        @RestForm
        String school;

        @RestForm
        String ownership;

        @RestForm
        String sensitiveData;

        @RestForm
        String acquisitionType;

        @RestForm
        String vendor;

        @RestForm
        String purchaseOrder;

        @RestForm
        String cost;

        @RestForm
        String acquiredOn;

        @RestForm
        String donor;

        @RestForm
        String warrantyEnd;

        @RestForm
        String ownerDistrictId;

        @RestForm
        String notes;

        Map<String, String> values() {
            Map<String, String> v = new HashMap<>();
            v.put("assetTag", assetTag);
            v.put("serialNumber", serialNumber);
            v.put("type", type);
            v.put("make", make);
            v.put("model", model);
            v.put("school", school);
            v.put("ownership", ownership);
            v.put("sensitiveData", sensitiveData);
            v.put("acquisitionType", acquisitionType);
            v.put("vendor", vendor);
            v.put("purchaseOrder", purchaseOrder);
            v.put("cost", cost);
            v.put("acquiredOn", acquiredOn);
            v.put("donor", donor);
            v.put("warrantyEnd", warrantyEnd);
            v.put("ownerDistrictId", ownerDistrictId);
            v.put("notes", notes);
            return v;
        }
    }

    /** The person form as sent. */
    public static class PersonFields {
        @RestForm
        String districtId;

        @RestForm
        String givenName;

        @RestForm
        String familyName;

        @RestForm
        String email;

        @RestForm
        String kind;

        @RestForm
        String school;

        @RestForm
        String supervisorDistrictId;

        @RestForm
        String aupAcknowledgedOn;

        Map<String, String> values() {
            Map<String, String> v = new HashMap<>();
            v.put("districtId", districtId);
            v.put("givenName", givenName);
            v.put("familyName", familyName);
            v.put("email", email);
            v.put("kind", kind);
            v.put("school", school);
            v.put("supervisorDistrictId", supervisorDistrictId);
            v.put("aupAcknowledgedOn", aupAcknowledgedOn);
            return v;
        }
    }

    /** The labels the forms give their fields, which start the inventory's messages about them. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("assetTag", "Asset tag"),
            Map.entry("serialNumber", "Serial number"),
            Map.entry("type", "Type"),
            Map.entry("make", "Make"),
            Map.entry("model", "Model"),
            Map.entry("school", "School"),
            Map.entry("ownership", "Owned by"),
            Map.entry("sensitiveData", "Holds sensitive data"),
            Map.entry("acquisitionType", "How it was acquired"),
            Map.entry("vendor", "Vendor"),
            Map.entry("purchaseOrder", "Purchase order"),
            Map.entry("cost", "Cost"),
            Map.entry("acquiredOn", "Date acquired"),
            Map.entry("donor", "Donor"),
            Map.entry("warrantyEnd", "Warranty ends"),
            Map.entry("ownerDistrictId", "Owner's district id"),
            Map.entry("notes", "Notes"),
            Map.entry("districtId", "District id"),
            Map.entry("givenName", "Given name"),
            Map.entry("familyName", "Family name"),
            Map.entry("email", "Email"),
            Map.entry("kind", "Student or employee"),
            Map.entry("supervisorDistrictId", "Supervisor's district id"),
            Map.entry("aupAcknowledgedOn", "Acceptable use policy acknowledged on"));

    /** The fields in the order the forms show them: the error summary lists its messages in the same order. */
    private static final List<String> ORDER = List.of(
            "assetTag",
            "serialNumber",
            "type",
            "make",
            "model",
            "school",
            "ownership-district",
            "sensitiveData-yes",
            "acquisitionType-purchased",
            "acquiredOn",
            "vendor",
            "purchaseOrder",
            "cost",
            "donor",
            "warrantyEnd",
            "ownerDistrictId",
            "notes",
            "districtId",
            "givenName",
            "familyName",
            "email",
            "kind-employee",
            "supervisorDistrictId",
            "aupAcknowledgedOn");

    /** Where the inventory's field names differ from the form's (the acquisition is nested in the API). */
    private static final Map<String, String> API_FIELDS = Map.ofEntries(
            Map.entry("acquisition", "acquisitionType"),
            Map.entry("acquisition.type", "acquisitionType"),
            Map.entry("acquisition.vendor", "vendor"),
            Map.entry("acquisition.purchaseOrder", "purchaseOrder"),
            Map.entry("acquisition.cost", "cost"),
            Map.entry("acquisition.acquiredOn", "acquiredOn"),
            Map.entry("acquisition.donor", "donor"),
            // A radio group's message links to its first choice (the group has no single field to focus).
            Map.entry("#ownership", "ownership-district"),
            Map.entry("#sensitiveData", "sensitiveData-yes"),
            Map.entry("#acquisitionType", "acquisitionType-purchased"),
            Map.entry("#kind", "kind-employee"));

    @Inject
    Pages pages;

    @Inject
    @RestClient
    InventoryApi inventory;

    @GET
    @Path("/devices/new")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response deviceForm(
            @QueryParam("assetTag") String assetTag,
            @QueryParam("serialNumber") String serialNumber,
            @QueryParam("type") String type) {
        // A link may fill in what is known of the device (a device manager's device that inventory does not know).
        Map<String, String> values = new HashMap<>(Map.of(
                "ownership", "DISTRICT", "sensitiveData", "no", "acquisitionType", "PURCHASED", "type", "LAPTOP"));
        values.put("assetTag", blank(assetTag));
        values.put("serialNumber", blank(serialNumber));
        String known = DevicePages.choice(type, DeviceForms.TYPES);
        if (known != null) {
            values.put("type", known);
        }
        Form form = Form.empty(values);
        return DevicePages.html(Templates.newDevice(pages.chrome("devices"), form));
    }

    @POST
    @Path("/devices/new")
    @RolesAllowed(Roles.IT_ADMIN)
    public Response registerDevice(@BeanParam DeviceFields fields) {
        Form form = Form.empty(fields.values());
        List<FieldError> errors = new ArrayList<>();
        boolean personal = "PERSONAL".equalsIgnoreCase(blank(fields.ownership));
        NewAcquisition acquisition = null;
        if (!personal) {
            BigDecimal cost = amount(fields.cost, "cost", errors);
            LocalDate acquiredOn = date(fields.acquiredOn, "acquiredOn", errors);
            acquisition = new NewAcquisition(
                    upper(fields.acquisitionType),
                    blank(fields.vendor),
                    blank(fields.purchaseOrder),
                    cost,
                    acquiredOn,
                    blank(fields.donor));
        }
        LocalDate warrantyEnd = date(fields.warrantyEnd, "warrantyEnd", errors);
        Boolean sensitive = yesNo(fields.sensitiveData);
        if (sensitive == null) {
            errors.add(new FieldError(
                    "sensitiveData-yes", "Say whether the device holds sensitive data such as student records."));
        }
        if (errors.isEmpty()) {
            try {
                Device device = inventory.register(new NewDevice(
                        blank(fields.assetTag),
                        blank(fields.serialNumber),
                        upper(fields.type),
                        blank(fields.make),
                        blank(fields.model),
                        blank(fields.school),
                        upper(fields.ownership),
                        sensitive,
                        acquisition,
                        warrantyEnd,
                        blank(fields.notes),
                        personal ? blank(fields.ownerDistrictId) : null));
                return Flash.seeOther("/devices/" + device.id(), "registered", "1")
                        .build();
            } catch (WebApplicationException e) {
                errors.addAll(refused(e, "assetTag"));
            }
        }
        return DevicePages.html(
                422, Templates.newDevice(pages.chrome("devices"), form.withErrors(inFormOrder(errors))));
    }

    @GET
    @Path("/people/new")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response personForm() {
        return DevicePages.html(Templates.newPerson(pages.chrome("people"), Form.empty(Map.of("kind", "EMPLOYEE"))));
    }

    @POST
    @Path("/people/new")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response registerPerson(@BeanParam PersonFields fields) {
        Form form = Form.empty(fields.values());
        List<FieldError> errors = new ArrayList<>();
        LocalDate aup = date(fields.aupAcknowledgedOn, "aupAcknowledgedOn", errors);
        if (errors.isEmpty()) {
            try {
                Person person = inventory.register(new NewPerson(
                        blank(fields.districtId),
                        blank(fields.givenName),
                        blank(fields.familyName),
                        blank(fields.email),
                        upper(fields.kind),
                        blank(fields.school),
                        blank(fields.supervisorDistrictId),
                        true,
                        null,
                        aup));
                return Flash.seeOther("/people/" + person.id(), "registered", "1")
                        .build();
            } catch (WebApplicationException e) {
                errors.addAll(refused(e, "districtId"));
            }
        }
        return DevicePages.html(422, Templates.newPerson(pages.chrome("people"), form.withErrors(inFormOrder(errors))));
    }

    /** The inventory's refusal as messages next to the form's fields, each named by its label. */
    static List<FieldError> refused(WebApplicationException e, String fallbackField) {
        return Failures.fieldErrors(e, fallbackField, LABELS, API_FIELDS);
    }

    /** The messages in the order of the form's fields, as a person reads the form. */
    static List<FieldError> inFormOrder(List<FieldError> errors) {
        return errors.stream()
                .sorted(java.util.Comparator.comparingInt(e -> {
                    int at = ORDER.indexOf(e.field());
                    return at < 0 ? ORDER.size() : at;
                }))
                .toList();
    }

    private static BigDecimal amount(String raw, String field, List<FieldError> errors) {
        return Form.amount(raw, field, LABELS.get(field), errors);
    }

    private static LocalDate date(String raw, String field, List<FieldError> errors) {
        String v = blank(raw);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, LABELS.get(field) + " must be a date, for example 2026-08-15."));
            return null;
        }
    }

    private static Boolean yesNo(String raw) {
        String v = blank(raw);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> null;
        };
    }

    private static String upper(String raw) {
        String v = blank(raw);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private static String blank(String raw) {
        return DevicePages.blank(raw);
    }
}
