package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.inventory.entity.Assignment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One assignment period of a device. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One period in which a person held a device. The end fields are omitted while it lasts.")
public record AssignmentView(
        @Schema(description = "The assignment's id", example = "c1b7e3d0-5f2a-4a8e-9d61-0e4b2c7f9a13", required = true)
                UUID id,
        @Schema(description = "Who held the device", required = true) PersonRefView person,
        @Schema(description = "When the period began", example = "2025-08-20T14:05:00Z", required = true)
                Instant assignedAt,
        @Schema(description = "Who assigned it (role:district id)", example = "IT_ADMIN:E10001", required = true)
                String assignedBy,
        @Schema(
                        description =
                                "When the device is due back (a loaner); omitted for an assignment without an end",
                        example = "2026-12-18")
                LocalDate dueOn,
        @Schema(
                        description = "When the period ended; omitted while the person holds the device",
                        example = "2026-05-29T20:30:00Z")
                Instant endedAt,
        @Schema(
                        description = "Who ended it (role:district id, or the system for an event)",
                        example = "IT_ADMIN:E10001")
                String endedBy,
        @Schema(description = "Why it ended: returned, recovered, retired or written off", example = "returned")
                String endReason) {

    static AssignmentView of(Assignment a) {
        return new AssignmentView(
                a.id,
                PersonRefView.of(a.person),
                a.assignedAt,
                a.assignedBy,
                a.dueOn,
                a.endedAt,
                a.endedBy,
                a.endReason);
    }
}
