package org.district.checkin.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** HR offboards a person: the same fields as the {@code OffboardingRequested} event. */
@Schema(
        description = "HR offboards a person: personId or districtId (or both, naming the same person), and the last"
                + " working day")
public record OffboardingRequest(
        @Schema(
                        description = "The departing person's id; personId or districtId is required",
                        example = "9e4b2c7a-1d3f-4b8e-a0c6-7f2d5e9b1a36")
                UUID personId,
        @Schema(
                        description = "The departing person's district id; personId or districtId is required",
                        maxLength = 40,
                        example = "E10482")
                @Size(max = 40)
                String districtId,
        @Schema(
                        description =
                                "The person's last working day, within a year of today; return tasks are due then",
                        required = true,
                        example = "2026-09-30")
                @NotNull
                LocalDate lastWorkingDay) {}
