package org.district.inventory.domain;

import java.util.Set;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;

/**
 * Filters of the device search; null means "any".
 *
 * @param teamOf a supervisor's person id: only devices held by them, or district devices held by the people they
 *     supervise
 * @param sensitive only devices that hold sensitive data (true) or that do not (false)
 * @param narrowed narrowed to what a caller who does not see everything may see (by {@code assigneeId} or
 *     {@code teamOf}): a page cursor then continues only from such a device
 */
public record DeviceFilter(
        Set<DeviceStatus> statuses,
        DeviceType type,
        String school,
        Ownership ownership,
        UUID assigneeId,
        String text,
        UUID teamOf,
        Boolean sensitive,
        boolean narrowed) {

    /** The same filter restricted to one holder (what a staff member may see). */
    public DeviceFilter onlyAssignedTo(UUID personId) {
        return new DeviceFilter(statuses, type, school, ownership, personId, text, null, sensitive, narrowed);
    }

    /**
     * The same filter restricted to a supervisor's devices and their team's district devices (what a supervisor may
     * see: a team member's personal device is not theirs to see).
     */
    public DeviceFilter onlyTeamOf(UUID supervisorId) {
        return new DeviceFilter(statuses, type, school, ownership, assigneeId, text, supervisorId, sensitive, narrowed);
    }

    /** The same filter without the sensitive-data filter (for callers who may not learn which devices hold some). */
    public DeviceFilter withoutSensitiveFilter() {
        return new DeviceFilter(statuses, type, school, ownership, assigneeId, text, teamOf, null, narrowed);
    }

    /** The same filter, marked as narrowed to what its caller may see (see {@code narrowed}). */
    public DeviceFilter narrowedToCaller() {
        return new DeviceFilter(statuses, type, school, ownership, assigneeId, text, teamOf, sensitive, true);
    }
}
