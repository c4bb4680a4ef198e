package org.district.inventory.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.district.contracts.inventory.ChargeReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** IT charges a person for a device they damaged or lost. */
@Schema(
        description = "IT charges a person for a device they damaged or lost.",
        example = "{\"personId\": \"7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30\","
                + " \"deviceId\": \"3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21\", \"reason\": \"DAMAGE\", \"amount\": 150.00,"
                + " \"description\": \"Cracked screen; replaced by the repair depot.\"}")
public record ChargeRequest(
        @NotNull
                @Schema(
                        description = "The person who owes it (a known person, departed or not)",
                        example = "7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30")
                UUID personId,
        @NotNull
                @Schema(
                        description = "The damaged or lost device (a registered device)",
                        example = "3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21")
                UUID deviceId,
        @NotNull @Schema(description = "DAMAGE or LOSS", example = "DAMAGE") ChargeReason reason,
        @NotNull
                @DecimalMin("0.01")
                @DecimalMax("100000.00")
                @Digits(integer = 6, fraction = 2)
                @Schema(
                        description = "What the person owes, in US dollars: from 0.01 to 100000.00, at most 2 decimals",
                        example = "150.00")
                BigDecimal amount,
        @NotBlank
                @Size(max = 500)
                @Schema(
                        description = "What the charge is for, as the person and the business office will read it",
                        example = "Cracked screen; replaced by the repair depot.")
                String description) {}
