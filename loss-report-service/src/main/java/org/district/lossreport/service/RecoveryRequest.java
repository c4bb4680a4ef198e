package org.district.lossreport.service;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The device of a report was found.
 *
 * @param recoveredAt when; now if absent (not in the future)
 */
@Schema(name = "RecoveryRequest", description = "The device of a report was found; every field is optional.")
public record RecoveryRequest(
        @Schema(
                        description = "When it was found; now when absent. Not in the future (5 minutes of clock"
                                + " difference tolerated) and not before the device was last seen",
                        example = "2026-03-05T14:10:00Z")
                Instant recoveredAt,
        @Schema(
                        description = "A note for the report's history",
                        maxLength = 2000,
                        example = "Handed in at the LINCOLN-HS front office by a custodian.")
                @Size(max = 2000)
                String note) {}
