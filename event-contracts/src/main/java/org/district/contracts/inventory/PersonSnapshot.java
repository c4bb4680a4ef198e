package org.district.contracts.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The full state of a person after a change, published to {@link org.district.contracts.Topics#PEOPLE}.
 * It holds personal data: only services that need it (to route notifications, to check ownership) read it.
 *
 * @param active false once the person has departed
 * @param aupAcknowledgedOn the date of the last annual Acceptable Use Policy acknowledgement, if any
 */
public record PersonSnapshot(
        UUID id,
        long version,
        String change,
        String districtId,
        String givenName,
        String familyName,
        String email,
        PersonKind kind,
        String school,
        UUID supervisorId,
        boolean active,
        LocalDate departedOn,
        LocalDate aupAcknowledgedOn,
        Instant updatedAt) {

    public static final String TYPE = "PersonSnapshot";
    public static final int SCHEMA_VERSION = 1;
}
