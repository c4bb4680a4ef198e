package org.district.inventory.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.district.contracts.inventory.DeviceStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * IT moves a device to another status (repair, retirement, a manual loss or recovery record...). Assignment, return
 * and sanitization have their own operations.
 *
 * @param costOwed for WRITTEN_OFF (or a damaged device), what the holder owes
 */
@Schema(
        description = "IT moves a device to another status. Assignment, return and sanitization have their own"
                + " operations.",
        example = "{\"status\": \"IN_REPAIR\", \"reason\": \"Cracked screen; sent to the repair depot.\"}")
public record StatusChangeRequest(
        @NotNull
                @Schema(
                        description = "The status to move to; GET .../moves lists the ones allowed now",
                        example = "IN_REPAIR")
                DeviceStatus status,
        @NotBlank
                @Size(max = 500)
                @Schema(
                        description = "Why, for the device's history",
                        example = "Cracked screen; sent to the repair depot.")
                String reason,
        @DecimalMin("0.00")
                @DecimalMax("1000000.00")
                @Digits(integer = 7, fraction = 2)
                @Schema(
                        description = "What the holder owes, in US dollars; only with status WRITTEN_OFF",
                        example = "250.00")
                BigDecimal costOwed) {}
