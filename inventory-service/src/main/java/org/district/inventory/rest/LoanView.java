package org.district.inventory.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.district.contracts.inventory.DeviceType;
import org.district.inventory.entity.Assignment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device lent to a person until a due date, as the loaner list shows it. */
@Schema(description = "A device lent to a person until a due date (an open assignment with a due date)")
public record LoanView(
        @Schema(description = "The device's id", example = "3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21", required = true)
                UUID deviceId,
        @Schema(description = "The device's asset tag", example = "LHS-LT-0107", required = true) String assetTag,
        @Schema(required = true) DeviceType type,
        @Schema(description = "The device's school", example = "LINCOLN-HS", required = true) String school,
        @Schema(description = "Who has it", required = true) PersonRefView holder,
        @Schema(description = "Since when", example = "2026-12-04T15:10:00Z", required = true) Instant assignedAt,
        @Schema(description = "The day it is due back", example = "2026-12-18", required = true) LocalDate dueOn,
        @Schema(
                        description = "Days past the due date; 0 while not yet due",
                        example = "0",
                        required = true,
                        minimum = "0")
                long daysOverdue) {

    static LoanView of(Assignment a, LocalDate today) {
        return new LoanView(
                a.device.id,
                a.device.assetTag,
                a.device.type,
                a.device.school,
                PersonRefView.of(a.person),
                a.assignedAt,
                a.dueOn,
                Math.max(0, ChronoUnit.DAYS.between(a.dueOn, today)));
    }
}
