package org.district.checkin.mdm;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One device as a device manager reports it, after its answer was checked ({@link Untrusted}): every text is of bounded
 * length and known characters, and what the manager did not say (or said in a form not accepted) is null.
 *
 * @param providerDeviceId the manager's own id of the device (how commands name it)
 * @param status the manager's status of the device (for Google Admin ACTIVE, DISABLED, DEPROVISIONED, ...)
 * @param locked whether the district's lock is in force: the manager has the device disabled or locked
 * @param lastSync when the device last reported to the manager; null when it never did
 * @param lastPatchDate what the manager shows of the device's last update (null: not known)
 * @param updatesEndOn the last day the device receives updates; null when the manager does not say
 * @param updatesEnded whether that day has passed: the device is no longer patched
 * @param site where the manager files the device (its organizational unit), in the terms of a check-in's site
 * @param ipAddress the device's last known address on the network, a literal address; null when not known
 */
public record MdmDeviceReport(
        String providerDeviceId,
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
        String ipAddress) {}
