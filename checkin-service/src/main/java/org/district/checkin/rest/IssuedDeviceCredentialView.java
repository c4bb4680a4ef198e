package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.district.checkin.service.DeviceCredentialService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A newly issued device credential; {@code credential} is the only copy of the secret. IT's answer names who issued it;
 * a device enrolling by code is not told who made the code (a district id is not the device's to know).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
                                "Who issued it (role:district id), in IT's answer; absent in a device's answer to its"
                                        + " enrolment by code",
                        example = "IT_ADMIN:E10482")
                String issuedBy) {

    /** IT's answer, naming who issued it. */
    static IssuedDeviceCredentialView of(DeviceCredentialService.Issued issued) {
        return new IssuedDeviceCredentialView(
                issued.deviceId(), issued.credential(), issued.issuedAt(), issued.issuedBy());
    }

    /** The enrolling device's answer: its credential, without who made the code. */
    static IssuedDeviceCredentialView forDevice(DeviceCredentialService.Issued issued) {
        return new IssuedDeviceCredentialView(issued.deviceId(), issued.credential(), issued.issuedAt(), null);
    }
}
