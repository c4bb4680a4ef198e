package org.district.lossreport.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The device of a report is given up on.
 *
 * @param costOwed what the holder owes for damage or replacement (0 when nothing)
 */
@Schema(name = "WriteOffRequest", description = "The device of a report is given up on.")
public record WriteOffRequest(
        @Schema(
                        description = "What the holder owes for damage or replacement, 0 when nothing; at most two"
                                + " decimals",
                        required = true,
                        minimum = "0.00",
                        maximum = "1000000.00",
                        multipleOf = 0.01,
                        example = "249.99")
                @NotNull(message = Patterns.REQUIRED)
                @DecimalMin("0.00")
                @DecimalMax("1000000.00")
                @Digits(integer = 7, fraction = 2)
                BigDecimal costOwed,
        @Schema(
                        description = "A note for the report's history",
                        maxLength = 2000,
                        example = "Not recovered after 30 days; replacement cost charged to the family.")
                @Size(max = 2000)
                String note) {}
