package org.district.inventory.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** IT confirms a quarantined device's data was sanitized (for example "full disk wipe, NIST 800-88 purge"). */
@Schema(description = "IT confirms a quarantined device's data was sanitized.")
public record SanitizationRequest(
        @NotBlank
                @Size(max = 120)
                @Schema(description = "How the data was sanitized", example = "Full disk wipe, NIST 800-88 purge")
                String method,
        @Size(max = 500) @Schema(description = "A note for the device's history", example = "Verified by J. Rivera.")
                String note) {}
