package org.district.lossreport.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.district.contracts.lossreport.LossKind;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.NotFoundException;

/** The rules a report must meet beyond each field's own shape. */
final class ReportRules {

    private ReportRules() {}

    static List<FieldViolation> check(ReportRequest r, Instant now, Duration tolerance, Duration maxAge) {
        List<FieldViolation> errors = new ArrayList<>();
        if (r.assetTag() == null && r.serialNumber() == null) {
            errors.add(new FieldViolation("assetTag", "give the device's asset tag or its serial number."));
        }
        if (r.lastSeenAt() != null) {
            if (r.lastSeenAt().isAfter(now.plus(tolerance))) {
                errors.add(new FieldViolation("lastSeenAt", "must not be in the future."));
            } else if (r.lastSeenAt().isBefore(now.minus(maxAge))) {
                errors.add(new FieldViolation(
                        "lastSeenAt", "must be within the last " + maxAge.toDays() + " days; check the year."));
            }
        }
        if (r.contactPhone() != null
                && r.contactPhone().chars().filter(Character::isDigit).count() < 6) {
            errors.add(new FieldViolation("contactPhone", "must have at least 6 digits."));
        }
        boolean policeDetails = r.policeAgency() != null || r.policeCaseNumber() != null;
        if (r.kind() == LossKind.STOLEN && r.policeNotified() == null) {
            errors.add(new FieldViolation(
                    "policeNotified",
                    "is required for a theft: say whether the police were notified (true or false)."));
        }
        if (Boolean.FALSE.equals(r.policeNotified()) && policeDetails) {
            errors.add(
                    new FieldViolation("policeNotified", "must be true when a police agency or case number is given."));
        }
        if (Boolean.TRUE.equals(r.policeNotified()) && r.policeAgency() == null) {
            errors.add(new FieldViolation("policeAgency", "is required when the police were notified."));
        }
        return errors;
    }

    /**
     * A report names a device that is not among the caller's: unknown, or someone else's (the two are answered alike,
     * so nobody learns which devices exist). Names the field that named the device: the asset tag or, without one, the
     * serial number.
     */
    static NotFoundException deviceNotFound(String assetTag, String serialNumber) {
        String field = assetTag != null ? "assetTag" : "serialNumber";
        String value = assetTag != null ? assetTag : serialNumber;
        String named = assetTag != null ? "asset tag" : "serial number";
        return NotFoundException.named(
                "device",
                value,
                "No device with " + named + " '" + value + "' was found among your devices.",
                new FieldViolation(field, "names no device of yours."));
    }
}
