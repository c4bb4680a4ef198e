package org.district.inventory.service;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Assign a device to a person, named by id or by district id. */
@Schema(
        description = "Assign a device to a person, named by personId or by personDistrictId (one of them is required;"
                + " personId wins when both are sent).",
        example = "{\"personDistrictId\": \"E10234\", \"note\": \"New school year issue.\"}")
public record AssignmentRequest(
        @Schema(description = "The person's id", example = "7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30") UUID personId,
        @Size(max = 40) @Schema(description = "The person's district id (any case)", example = "E10234")
                String personDistrictId,
        @Size(max = 500) @Schema(description = "A note for the device's history", example = "New school year issue.")
                String note,
        @Schema(
                        description = "When the device is due back: set for a loaner (from today to a year ahead);"
                                + " left out for an assignment without an end. Loaners past it are listed as overdue"
                                + " and the holder is reminded.",
                        example = "2026-12-18",
                        nullable = true)
                LocalDate dueOn) {}
