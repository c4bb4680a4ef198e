package org.district.checkin.service;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** IT received a returned device. */
@Schema(description = "IT received a returned device")
public record ReturnedRequest(
        @Schema(
                        description = "IT's note on receiving it (optional)",
                        maxLength = 1000,
                        example = "Received at the IT desk; charger missing.")
                @Size(max = 1000)
                String note) {}
