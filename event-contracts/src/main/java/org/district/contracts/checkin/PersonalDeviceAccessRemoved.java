package org.district.contracts.checkin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A personal device lost its access to district tools: its credential is revoked, and a network access control or
 * identity system subscribed to {@link org.district.contracts.Topics#PERSONAL_DEVICE_ACCESS} should refuse it too
 * (by its serial number, or the owner's sign-ins from it). Raised once per removal. Key = device id.
 *
 * @param serialNumber the device's serial number as registered (null when none was given)
 * @param ownerDistrictId the owner's district id (canonical form): whose access from this device ends
 * @param reason why the access ended
 * @param complianceIssues for {@code NON_COMPLIANT}, the baseline rules it failed (for example DISK_ENCRYPTION_OFF);
 *     empty otherwise
 */
public record PersonalDeviceAccessRemoved(
        UUID eventId,
        UUID deviceId,
        String serialNumber,
        String ownerDistrictId,
        String school,
        Reason reason,
        List<String> complianceIssues,
        Instant removedAt) {

    public static final String TYPE = "PersonalDeviceAccessRemoved";
    public static final int SCHEMA_VERSION = 1;

    /** Why a personal device's access ended. */
    public enum Reason {
        /** It stayed non-compliant with the district's baseline past the grace period. */
        NON_COMPLIANT,
        /** IT found it in violation of the Acceptable Use Policy and removed it. */
        POLICY_VIOLATION,
        /** Its approval ran out at the end of the school year and was not renewed. */
        APPROVAL_EXPIRED
    }
}
