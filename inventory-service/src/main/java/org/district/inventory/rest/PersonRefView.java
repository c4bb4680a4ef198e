package org.district.inventory.rest;

import java.util.UUID;
import org.district.inventory.entity.Person;

/** A short reference to a person: enough to recognise them, nothing more. */
public record PersonRefView(UUID id, String districtId, String name) {

    static PersonRefView of(Person p) {
        return p == null ? null : new PersonRefView(p.id, p.districtId, p.displayName());
    }
}
