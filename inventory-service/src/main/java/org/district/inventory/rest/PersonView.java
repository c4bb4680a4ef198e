package org.district.inventory.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.PersonKind;
import org.district.inventory.Person;

/**
 * A person record as IT and HR see it.
 *
 * @param aupCurrent whether the last AUP acknowledgement is recent enough for a device to be assigned
 */
public record PersonView(
        UUID id,
        String districtId,
        String givenName,
        String familyName,
        String email,
        PersonKind kind,
        String school,
        PersonRef supervisor,
        boolean active,
        LocalDate departedOn,
        LocalDate aupAcknowledgedOn,
        boolean aupCurrent,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static PersonView of(Person p, LocalDate today, int aupValidDays) {
        boolean current = p.aupAcknowledgedOn != null && !p.aupAcknowledgedOn.isBefore(today.minusDays(aupValidDays));
        return new PersonView(
                p.id,
                p.districtId,
                p.givenName,
                p.familyName,
                p.email,
                p.kind,
                p.school,
                PersonRef.of(p.supervisor),
                p.active,
                p.departedOn,
                p.aupAcknowledgedOn,
                current,
                p.version,
                p.createdAt,
                p.updatedAt);
    }
}
