package org.district.inventory.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.district.contracts.inventory.DeviceStatus;

/**
 * IT moves a device to another status (repair, retirement, a manual loss or recovery record...). Assignment, return
 * and sanitization have their own operations.
 *
 * @param costOwed for WRITTEN_OFF (or a damaged device), what the holder owes
 */
public record StatusChangeRequest(
        @NotNull DeviceStatus status,
        @NotBlank @Size(max = 500) String reason,
        @DecimalMin("0.00") @DecimalMax("1000000.00") @Digits(integer = 7, fraction = 2) BigDecimal costOwed) {}
