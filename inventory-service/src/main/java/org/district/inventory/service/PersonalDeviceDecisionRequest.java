package org.district.inventory.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approver's (or IT's) decision on a personal device's request or renewal. */
@Schema(
        description = "An approver's (or IT's) decision on a personal device's request or renewal. A refusal needs a"
                + " reason, which the owner is told.",
        example = "{\"decision\": \"REFUSE\", \"reason\": \"Student records stay on district laptops; use the one"
                + " assigned to you.\"}")
public record PersonalDeviceDecisionRequest(
        @NotNull @Schema(description = "APPROVE or REFUSE", example = "REFUSE") Decision decision,
        @Size(max = 500)
                @Schema(
                        description = "Why: required to refuse (the owner is told), optional to approve; at most 500"
                                + " characters",
                        maxLength = 500,
                        example = "Student records stay on district laptops; use the one assigned to you.")
                String reason) {

    /** What an approver decides. */
    @Schema(name = "PersonalDeviceDecisionKind", description = "APPROVE or REFUSE")
    public enum Decision {
        APPROVE,
        REFUSE
    }
}
