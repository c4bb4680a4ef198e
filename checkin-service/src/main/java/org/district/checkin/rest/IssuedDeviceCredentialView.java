package org.district.checkin.rest;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.service.DeviceCredentialService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A newly issued device credential; {@code credential} is the only copy of the secret. */
@Schema(description = "A newly issued device credential; this answer holds the only copy of the secret")
public record IssuedDeviceCredentialView(
        @Schema(description = "The device", required = true, example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(
                        description = "The credential the agent sends as 'Authorization: Device <credential>':"
                                + " dc1.<device id>.<secret>, the secret 256 random bits in base64url",
                        required = true,
                        pattern = "^dc1\\.[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}$",
                        example =
                                "dc1.3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14.q7Xw2pLk9RtY3vBn8MzA4sDf6GhJ1kLo0PqWe5RtUy8")
                String credential,
        @Schema(description = "When it was issued", required = true, example = "2026-09-14T13:30:00Z") Instant issuedAt,
        @Schema(
                        description =
                                "Who issued it (role:district id); for an enrolment by code, whoever created the code",
                        required = true,
                        example = "IT_ADMIN:E10482")
                String issuedBy) {

    static IssuedDeviceCredentialView of(DeviceCredentialService.Issued issued) {
        return new IssuedDeviceCredentialView(
                issued.deviceId(), issued.credential(), issued.issuedAt(), issued.issuedBy());
    }
}
