package org.district.checkin.rest;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.entity.Device;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a device has a credential, and who issued it when. Never the secret or its hash. */
@Schema(description = "Whether a device has a credential, and who issued it when; never the secret or its hash")
public record DeviceCredentialView(
        @Schema(description = "The device", required = true, example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(description = "Whether the device has a credential now", required = true, example = "true")
                boolean issued,
        @Schema(
                        description = "When the current credential was issued (null when it has none)",
                        required = true,
                        nullable = true,
                        example = "2026-08-24T14:05:00Z")
                Instant issuedAt,
        @Schema(
                        description = "Who issued it (role:district id; null when it has none)",
                        required = true,
                        nullable = true,
                        example = "IT_ADMIN:E10482")
                String issuedBy) {

    static DeviceCredentialView of(Device device) {
        return new DeviceCredentialView(
                device.id, device.credentialIssuedAt != null, device.credentialIssuedAt, device.credentialIssuedBy);
    }
}
