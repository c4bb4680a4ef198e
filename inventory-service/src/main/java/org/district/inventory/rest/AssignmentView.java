package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.district.inventory.entity.Assignment;

/** One assignment period of a device. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignmentView(
        UUID id,
        PersonRefView person,
        Instant assignedAt,
        String assignedBy,
        Instant endedAt,
        String endedBy,
        String endReason) {

    static AssignmentView of(Assignment a) {
        return new AssignmentView(
                a.id, PersonRefView.of(a.person), a.assignedAt, a.assignedBy, a.endedAt, a.endedBy, a.endReason);
    }
}
