package org.district.inventory.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** IT removes a personal device's access, with the reason the owner and the approvers are told. */
@Schema(
        description = "IT removes a personal device's access (for example a violation of the Acceptable Use Policy),"
                + " with the reason the owner and the approvers are told.",
        example = "{\"reason\": \"Used to share student records outside the district's tools (ticket 4411).\"}")
public record PersonalDeviceRemovalRequest(
        @NotBlank
                @Size(max = 500)
                @Schema(
                        description = "Why, as the owner and the approvers will read it; at most 500 characters",
                        maxLength = 500,
                        example = "Used to share student records outside the district's tools (ticket 4411).")
                String reason) {}
