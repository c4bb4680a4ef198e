package org.district.lossreport.web;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.district.contracts.lossreport.LossKind;
import org.district.lossreport.service.ReportRequest;
import org.district.support.domain.FieldViolation;

/**
 * What a person typed into the loss report form, kept as typed so the form can show it again next to any error.
 * {@link #toRequest} turns it into the same request the REST API takes, so both go through the same rules.
 */
public class ReportForm {

    /** Value of the "device" choice meaning "a device not in my list". */
    public static final String OTHER_DEVICE = "other";

    static final int MAX_FIELD = 5000;

    public String device = "";
    public String assetTag = "";
    public String serialNumber = "";
    public String kind = "";
    public String lastSeenAt = "";
    public String lastSeenLocation = "";
    public String circumstances = "";
    public String contactPhone = "";
    public String policeNotified = "";
    public String policeAgency = "";
    public String policeCaseNumber = "";
    public String idempotencyKey = "";

    static ReportForm from(MultivaluedMap<String, String> fields) {
        ReportForm f = new ReportForm();
        f.device = value(fields, "device");
        f.assetTag = value(fields, "assetTag");
        f.serialNumber = value(fields, "serialNumber");
        f.kind = value(fields, "kind");
        f.lastSeenAt = value(fields, "lastSeenAt");
        f.lastSeenLocation = value(fields, "lastSeenLocation");
        f.circumstances = value(fields, "circumstances");
        f.contactPhone = value(fields, "contactPhone");
        f.policeNotified = value(fields, "policeNotified");
        f.policeAgency = value(fields, "policeAgency");
        f.policeCaseNumber = value(fields, "policeCaseNumber");
        f.idempotencyKey = value(fields, "idempotencyKey");
        return f;
    }

    /** The request, or the fields that could not even be read (a date that is no date, an unknown choice). */
    Parsed toRequest(ZoneId zone) {
        List<FieldViolation> errors = new ArrayList<>();
        // A device picked from the list wins over anything typed into the "another device" fields.
        boolean picked = !device.isBlank() && !OTHER_DEVICE.equals(device);
        String tag = picked ? device : assetTag;
        String serial = picked ? null : serialNumber;
        LossKind lossKind = null;
        if (!kind.isBlank()) {
            try {
                lossKind = LossKind.valueOf(kind.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation("kind", "choose lost or stolen."));
            }
        }
        java.time.Instant seen = null;
        if (!lastSeenAt.isBlank()) {
            try {
                seen = LocalDateTime.parse(lastSeenAt.trim()).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldViolation("lastSeenAt", "must be a date and time, for example 2026-03-02T14:30."));
            }
        }
        Boolean police =
                switch (policeNotified.trim().toLowerCase()) {
                    case "yes", "true" -> Boolean.TRUE;
                    case "no", "false" -> Boolean.FALSE;
                    case "" -> null;
                    default -> {
                        errors.add(new FieldViolation("policeNotified", "choose yes or no."));
                        yield null;
                    }
                };
        ReportRequest request = new ReportRequest(
                tag,
                serial,
                lossKind,
                seen,
                lastSeenLocation,
                circumstances,
                contactPhone,
                police,
                policeAgency,
                policeCaseNumber);
        return new Parsed(request.normalized(), errors);
    }

    /** A form read into a request, with the fields that could not be read. */
    record Parsed(ReportRequest request, List<FieldViolation> errors) {}

    private static String value(MultivaluedMap<String, String> fields, String name) {
        String v = fields == null ? null : fields.getFirst(name);
        if (v == null) {
            return "";
        }
        return v.length() > MAX_FIELD ? v.substring(0, MAX_FIELD) : v;
    }
}
