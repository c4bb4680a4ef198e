package org.district.inventory.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.PersonKind;
import org.district.inventory.entity.Person;

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
        PersonRefView supervisor,
        boolean active,
        LocalDate departedOn,
        LocalDate aupAcknowledgedOn,
        boolean aupCurrent,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static PersonView of(Person p, boolean aupCurrent) {
        return new PersonView(
                p.id,
                p.districtId,
                p.givenName,
                p.familyName,
                p.email,
                p.kind,
                p.school,
                PersonRefView.of(p.supervisor),
                p.active,
                p.departedOn,
                p.aupAcknowledgedOn,
                aupCurrent,
                p.version,
                p.createdAt,
                p.updatedAt);
    }
}
