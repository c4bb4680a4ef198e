package org.district.inventory.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.district.inventory.entity.ChargeWaiver;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Part (or all) of a charge the district waived, and why. */
@Schema(description = "Part (or all) of a charge the district waived, and why.")
public record WaiverView(
        @Schema(description = "The waiver's id", example = "8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f", required = true)
                UUID id,
        @Schema(description = "What was waived, in US dollars", example = "100.00", required = true) BigDecimal amount,
        @Schema(
                        description = "Why the district forgoes it",
                        example = "Hardship waiver approved by the principal.",
                        required = true)
                String reason,
        @Schema(description = "Who recorded it: role and district id", example = "IT_ADMIN:E10001", required = true)
                String recordedBy,
        @Schema(description = "When it was recorded", example = "2026-03-04T09:30:00Z", required = true)
                Instant recordedAt) {

    static WaiverView of(ChargeWaiver w) {
        return new WaiverView(w.id, w.amount, w.reason, w.recordedBy, w.recordedAt);
    }
}
