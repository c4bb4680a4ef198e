package org.district.checkin.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An offboarding and the return tasks the person has open after it. */
@Schema(description = "An offboarding and the return tasks the person has open after it (new and earlier ones)")
public record OffboardingView(
        @Schema(description = "The offboarding's id", required = true, example = "c1a7e3d9-2b4f-4a6c-8e0d-5f9b3a1c7e24")
                UUID offboardingId,
        @Schema(description = "The departing person", required = true, example = "9e4b2c7a-1d3f-4b8e-a0c6-7f2d5e9b1a36")
                UUID personId,
        @Schema(
                        description = "The person's last working day; return tasks are due then",
                        required = true,
                        example = "2026-09-30")
                LocalDate lastWorkingDay,
        @Schema(
                        description = "How many return tasks this request opened (0 when it repeated an earlier one)",
                        required = true,
                        minimum = "0",
                        example = "2")
                int tasksOpened,
        @Schema(description = "The person's open return tasks, in due-date order", required = true)
                List<ReturnTaskView> openTasks) {}
