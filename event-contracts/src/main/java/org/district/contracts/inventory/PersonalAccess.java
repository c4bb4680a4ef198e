package org.district.contracts.inventory;

import java.time.LocalDate;

/**
 * A personal device's standing under the district's policy, in its {@link DeviceSnapshot} (null for a district
 * device).
 *
 * @param status where the device stands
 * @param lockAndLocateConsent whether the owner consented, as recorded at approval, to the district locking and locating
 *     the device when it is reported lost or stolen (a personal device is never wiped)
 * @param expiresOn the last day of an approval (the end of the school year); null unless approved once
 */
public record PersonalAccess(PersonalAccessStatus status, boolean lockAndLocateConsent, LocalDate expiresOn) {

    /** Whether the device may have access now: approved. */
    public boolean approved() {
        return status == PersonalAccessStatus.APPROVED;
    }
}
