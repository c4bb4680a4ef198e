package org.district.inventory.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** IT records a payment a person made against a charge. */
@Schema(
        description = "IT records a payment a person made against a charge: at most what is outstanding.",
        example = "{\"amount\": 50.00, \"paidOn\": \"2026-03-02\", \"reference\": \"R-2026-0042\","
                + " \"note\": \"Paid at the school office.\"}")
public record PaymentRequest(
        @NotNull
                @DecimalMin("0.01")
                @DecimalMax("100000.00")
                @Digits(integer = 6, fraction = 2)
                @Schema(
                        description = "What was paid, in US dollars: from 0.01 to what is outstanding, at most 2"
                                + " decimals",
                        example = "50.00")
                BigDecimal amount,
        @NotNull
                @Schema(
                        description = "The day the person paid: not in the future, not before the charge was recorded"
                                + " (district time)",
                        example = "2026-03-02")
                LocalDate paidOn,
        @Size(max = 60)
                @Schema(
                        description = "The receipt or cheque number; a charge records each reference once",
                        example = "R-2026-0042")
                String reference,
        @Size(max = 500) @Schema(description = "A note about the payment", example = "Paid at the school office.")
                String note) {}
