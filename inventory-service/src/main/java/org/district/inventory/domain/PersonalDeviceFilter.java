package org.district.inventory.domain;

import java.util.Set;
import java.util.UUID;
import org.district.contracts.inventory.PersonalAccessStatus;

/**
 * Filters of the list of personal devices; null means "any". The caller's reach narrows it: {@code everything} for IT
 * and auditors, otherwise only the devices {@code ownerId} owns and those of the {@code schools} the caller decides for.
 *
 * @param school a school code (any case)
 * @param awaitingDecision true: only requests and renewals the approvers have to decide; false: only the others
 */
public record PersonalDeviceFilter(
        Set<PersonalAccessStatus> statuses,
        String school,
        Boolean awaitingDecision,
        boolean everything,
        UUID ownerId,
        Set<String> schools) {

    /** The same filter, reaching what the caller may see. */
    public PersonalDeviceFilter reaching(boolean all, UUID owner, Set<String> approverOf) {
        return new PersonalDeviceFilter(statuses, school, awaitingDecision, all, owner, approverOf);
    }

    /** Whether the caller may see nothing at all. */
    public boolean reachesNothing() {
        return !everything && ownerId == null && (schools == null || schools.isEmpty());
    }
}
