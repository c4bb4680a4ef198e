package org.district.checkin.rest;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.service.EnrolmentService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new one-time enrolment code; {@code code} is its only copy. */
@Schema(description = "A new one-time enrolment code; this answer holds the only copy of the code")
public record EnrolmentCodeView(
        @Schema(description = "The device it enrols", required = true, example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(
                        description = "The code to type into the device's agent: 16 characters in four groups of four",
                        required = true,
                        pattern = "^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$",
                        example = "7KQ2-M9XD-4HTR-WB6P")
                String code,
        @Schema(
                        description = "When the code stops working, if not used before",
                        required = true,
                        example = "2026-09-14T21:30:00Z")
                Instant expiresAt) {

    static EnrolmentCodeView of(EnrolmentService.Created created) {
        return new EnrolmentCodeView(created.deviceId(), created.code(), created.expiresAt());
    }
}
