package org.district.inventory.domain;

import java.util.Set;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;

/** Filters of the device search; null means "any". */
public record DeviceFilter(
        Set<DeviceStatus> statuses, DeviceType type, String school, Ownership ownership, UUID assigneeId, String text) {

    /** The same filter restricted to one holder (what a staff member may see). */
    public DeviceFilter onlyAssignedTo(UUID personId) {
        return new DeviceFilter(statuses, type, school, ownership, personId, text);
    }
}
