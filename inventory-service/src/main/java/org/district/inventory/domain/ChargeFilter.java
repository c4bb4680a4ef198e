package org.district.inventory.domain;

import java.util.UUID;
import org.district.contracts.inventory.ChargeStatus;

/**
 * Which charges a list or export holds; every criterion may be absent (null), and they combine with AND.
 *
 * @param personId the charges a person owes
 * @param deviceId the charges for one device
 * @param status the charges in one status
 */
public record ChargeFilter(UUID personId, UUID deviceId, ChargeStatus status) {

    /** The same filter, narrowed to one person's charges. */
    public ChargeFilter onlyOf(UUID person) {
        return new ChargeFilter(person, deviceId, status);
    }
}
