package org.district.checkin.mdm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.district.checkin.entity.DeviceCommand;

/**
 * One device as a device manager reports it, after its answer was checked ({@link Untrusted}): every text is of bounded
 * length and known characters, and what the manager did not say (or said in a form not accepted) is null.
 *
 * @param providerDeviceId the manager's own id of the device (how commands name it)
 * @param personal whether the manager has the device as its user's own (Intune's {@code managedDeviceOwnerType}
 *     personal): such an entry is never matched to a district-owned device
 * @param status the manager's status of the device (Google Admin: ACTIVE, DISABLED, ...; Intune: its management state,
 *     MANAGED, WIPE_PENDING, ...)
 * @param locked whether the district's lock is in force: the manager has the device disabled or locked
 * @param lastSync when the device last reported to the manager; null when it never did
 * @param lastPatchDate what the manager shows of the device's last update (null: not known)
 * @param updatesEndOn the last day the device receives updates; null when the manager does not say
 * @param updatesEnded whether that day has passed: the device is no longer patched
 * @param site where the manager files the device (its organizational unit), in the terms of a check-in's site
 * @param ipAddress the device's last known address on the network, a literal address; null when not known
 * @param diskEncrypted whether its disks are encrypted; null when the manager does not say
 * @param passwordProtected whether a password protects it; null when the manager does not say
 * @param antivirusProduct its antivirus, as far as the manager vouches for it; null when it does not
 * @param antivirusDefinitionsDate the day the manager last found the antivirus current; null when not known
 * @param actions what became of the commands the manager carried for the device, by the district's command type
 */
public record MdmDeviceReport(
        String providerDeviceId,
        boolean personal,
        String serialNumber,
        String assetTag,
        String status,
        boolean locked,
        Instant lastSync,
        String osName,
        String osVersion,
        String osBuild,
        LocalDate lastPatchDate,
        LocalDate updatesEndOn,
        boolean updatesEnded,
        String site,
        String ipAddress,
        Boolean diskEncrypted,
        Boolean passwordProtected,
        String antivirusProduct,
        LocalDate antivirusDefinitionsDate,
        Map<DeviceCommand.Type, Action> actions) {

    public MdmDeviceReport {
        actions = actions == null ? Map.of() : Map.copyOf(actions);
    }

    /** Where a command the manager carried stands. */
    public enum ActionState {
        /** Sent, not finished yet. */
        PENDING,
        /** Carried out (a LOCK: the device is locked or disabled). */
        DONE,
        /** Failed, cancelled in the manager, or not supported by the device. */
        FAILED
    }

    /**
     * What the manager says of a command it carried: its state and when the action started (null when the manager
     * reports a state, not an action, as Google Admin's DISABLED).
     */
    public record Action(ActionState state, Instant startedAt) {}
}
