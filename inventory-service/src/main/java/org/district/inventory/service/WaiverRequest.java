package org.district.inventory.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** IT forgoes part or all of what is outstanding on a charge, and says why. */
@Schema(
        description = "IT forgoes part or all of what is outstanding on a charge, and says why.",
        example = "{\"amount\": 100.00, \"reason\": \"Hardship waiver approved by the principal.\"}")
public record WaiverRequest(
        @NotNull
                @DecimalMin("0.01")
                @DecimalMax("100000.00")
                @Digits(integer = 6, fraction = 2)
                @Schema(
                        description = "What is waived, in US dollars: from 0.01 to what is outstanding, at most 2"
                                + " decimals",
                        example = "100.00")
                BigDecimal amount,
        @NotBlank
                @Size(max = 500)
                @Schema(
                        description = "Why the district forgoes it",
                        example = "Hardship waiver approved by the principal.")
                String reason) {}
