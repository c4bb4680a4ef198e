package org.district.inventory.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.domain.AcquisitionType;
import org.district.support.domain.FieldViolation;

/**
 * Rules about a device that span fields: district devices record their acquisition (purchase or donation, as the
 * policy on purchasing and donations requires); personal devices name their owner and carry no district acquisition.
 */
final class DeviceRules {

    static final LocalDate EARLIEST_ACQUISITION = LocalDate.of(1990, 1, 1);

    private DeviceRules() {}

    static List<FieldViolation> check(DeviceRequest in, Ownership ownership, LocalDate today) {
        List<FieldViolation> errors = new ArrayList<>();
        AcquisitionRequest acq = in.acquisition();
        if (ownership == Ownership.DISTRICT) {
            if (!blank(in.ownerDistrictId())) {
                errors.add(new FieldViolation("ownerDistrictId", "is only for PERSONAL devices."));
            }
            if (acq == null) {
                errors.add(new FieldViolation(
                        "acquisition", "is required for district devices: PURCHASED or DONATED, with its details."));
            } else if (acq.type() == AcquisitionType.PURCHASED) {
                require(errors, "acquisition.vendor", acq.vendor(), "is required for a purchase.");
                require(errors, "acquisition.purchaseOrder", acq.purchaseOrder(), "is required for a purchase.");
                if (acq.cost() == null) {
                    errors.add(new FieldViolation("acquisition.cost", "is required for a purchase."));
                }
                if (!blank(acq.donor())) {
                    errors.add(new FieldViolation("acquisition.donor", "is only for DONATED devices."));
                }
            } else if (acq.type() == AcquisitionType.DONATED) {
                require(errors, "acquisition.donor", acq.donor(), "is required for a donation.");
                if (!blank(acq.vendor())) {
                    errors.add(new FieldViolation("acquisition.vendor", "is only for PURCHASED devices."));
                }
                if (!blank(acq.purchaseOrder())) {
                    errors.add(new FieldViolation("acquisition.purchaseOrder", "is only for PURCHASED devices."));
                }
            }
        } else {
            if (blank(in.ownerDistrictId())) {
                errors.add(new FieldViolation("ownerDistrictId", "is required for a PERSONAL device."));
            }
            if (acq != null) {
                errors.add(new FieldViolation(
                        "acquisition", "must be empty for a PERSONAL device: the district did not acquire it."));
            }
        }
        if (acq != null && acq.acquiredOn() != null) {
            if (acq.acquiredOn().isAfter(today)) {
                errors.add(new FieldViolation("acquisition.acquiredOn", "cannot be in the future."));
            } else if (acq.acquiredOn().isBefore(EARLIEST_ACQUISITION)) {
                errors.add(new FieldViolation("acquisition.acquiredOn", "must be on or after 1990-01-01."));
            }
            if (in.warrantyEnd() != null && in.warrantyEnd().isBefore(acq.acquiredOn())) {
                errors.add(new FieldViolation("warrantyEnd", "cannot be before the acquisition date."));
            }
        }
        if (in.warrantyEnd() != null && in.warrantyEnd().isAfter(today.plusYears(15))) {
            errors.add(new FieldViolation("warrantyEnd", "must be within 15 years from today."));
        }
        return errors;
    }

    static String code(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static void require(List<FieldViolation> errors, String field, String value, String message) {
        if (blank(value)) {
            errors.add(new FieldViolation(field, message));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
