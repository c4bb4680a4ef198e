package org.district.inventory.service;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Issue a replacement for a lost or stolen device: which device the holder gets, and until when if it is a loaner. */
@Schema(
        description = "Issue the holder of a lost or stolen device another device in one step. Name the replacement by"
                + " deviceId or assetTag (one is required; deviceId wins when both are sent). With dueOn it is a loaner"
                + " the holder must give back by that day; without, it is theirs like any assignment.",
        example = "{\"assetTag\": \"LHS-LT-0107\", \"dueOn\": \"2026-12-18\", \"note\": \"Loaner until the report is"
                + " closed.\"}")
public record ReplacementRequest(
        @Schema(description = "The replacement device's id", example = "9a4e2c71-3b5d-4f8a-b6c0-1d2e3f4a5b6c")
                UUID deviceId,
        @Size(max = 40) @Schema(description = "The replacement device's asset tag (any case)", example = "LHS-LT-0107")
                String assetTag,
        @Schema(
                        description = "When the replacement is due back (a loaner), from today to a year ahead;"
                                + " left out for a permanent replacement",
                        example = "2026-12-18",
                        nullable = true)
                LocalDate dueOn,
        @Size(max = 500)
                @Schema(
                        description = "A note for both devices' history",
                        example = "Loaner until the report is closed.")
                String note) {}
