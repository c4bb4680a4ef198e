package org.district.checkin.domain;

import org.district.checkin.entity.Device;
import org.district.contracts.inventory.PersonalAccessStatus;
import org.district.support.domain.ConflictException;

/**
 * What the district's policy on personal devices allows here (docs/personal-devices.md): a personal device gets a
 * credential or an enrolment code only while its principal's approval is in force, and a LOCK or LOCATE only when its
 * owner also consented to them at approval (it is never wiped). Each refusal is a 409 saying what is missing.
 */
public final class PersonalDeviceRules {

    /** The problem type of a personal device whose approval is not in force. */
    public static final String NOT_APPROVED = "personal-device-not-approved";

    /** The problem type of a LOCK or LOCATE for a personal device whose owner did not consent to them. */
    public static final String NO_CONSENT = "no-lock-and-locate-consent";

    private PersonalDeviceRules() {}

    /** Refuses a credential or an enrolment code for a personal device whose approval is not in force. */
    public static void requireApprovalForCredential(Device device) {
        if (device.personal() && !device.personalAccessInForce()) {
            throw notApprovedForCredential(device);
        }
    }

    /** The refusal of a credential (or an enrolment code) for a personal device whose approval is not in force. */
    public static ConflictException notApprovedForCredential(Device device) {
        return ConflictException.of(
                NOT_APPROVED,
                "This is a personal device, and " + standing(device) + " A personal device gets a credential or an"
                        + " enrolment code only while the principal's approval of it is in force: the principal of"
                        + " the owner's school (or IT) must approve it first.");
    }

    /**
     * Refuses a LOCK or LOCATE for a personal device unless its approval is in force and its owner consented to them
     * at approval. Naming the field {@code type}, as the refusal of a WIPE does.
     */
    public static void requireConsentForLockAndLocate(Device device, String type) {
        if (!device.personal()) {
            return;
        }
        if (!device.personalAccessInForce()) {
            throw ConflictException.onField(
                    NOT_APPROVED,
                    "type",
                    "A " + type + " is sent to a personal device only while the principal's approval of it is in"
                            + " force and its owner consented to it; " + standing(device));
        }
        if (!device.lockAndLocateConsent) {
            throw ConflictException.onField(
                    NO_CONSENT,
                    "type",
                    "A " + type + " is sent to a personal device only when its owner consented, at approval, to the"
                            + " district locking and locating it; this device's owner did not.");
        }
    }

    /** Whether a loss report may queue LOCK and LOCATE for the device: a district device, or one whose owner agreed. */
    public static boolean lockAndLocateAllowed(Device device) {
        return !device.personal() || (device.personalAccessInForce() && device.lockAndLocateConsent);
    }

    /** Where the personal device stands, as a sentence. */
    private static String standing(Device device) {
        if (device.accessRemovedAt != null && device.personalAccess == PersonalAccessStatus.APPROVED) {
            return "its access was removed: it stayed non-compliant with the district's baseline past the grace"
                    + " period. The owner may ask for access again.";
        }
        if (device.personalAccess == null) {
            return "no approval of it is on record: its owner asks for access first.";
        }
        return switch (device.personalAccess) {
            case PENDING -> "its owner's request is waiting for the principal's decision.";
            case APPROVED -> "it is approved.";
            case REFUSED -> "its owner's request was refused; the owner may ask again.";
            case EXPIRED -> "its approval expired at the end of the school year; the owner may ask to renew it.";
            case REMOVED -> "its access was removed under the district's policy; the owner may ask again.";
        };
    }
}
