package org.district.lossreport.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The device of a report is given up on.
 *
 * @param costOwed what the holder owes for damage or replacement (0 when nothing)
 */
public record WriteOffRequest(
        @NotNull(message = Patterns.REQUIRED)
                @DecimalMin("0.00")
                @DecimalMax("1000000.00")
                @Digits(integer = 7, fraction = 2)
                BigDecimal costOwed,
        @Size(max = 2000) String note) {}
