package org.district.inventory.rest;

import java.util.UUID;
import org.district.inventory.Person;

/** A short reference to a person: enough to recognise them, nothing more. */
public record PersonRef(UUID id, String districtId, String name) {

    static PersonRef of(Person p) {
        return p == null ? null : new PersonRef(p.id, p.districtId, p.displayName());
    }
}
