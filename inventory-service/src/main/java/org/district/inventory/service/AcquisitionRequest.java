package org.district.inventory.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.district.inventory.domain.AcquisitionType;

/**
 * How the district acquired a device: PURCHASED (vendor, purchase order, cost, purchase date) or DONATED (donor,
 * acceptance date, optionally its estimated value as cost).
 */
public record AcquisitionRequest(
        @NotNull AcquisitionType type,
        @Size(max = 120) String vendor,
        @Size(max = 60) String purchaseOrder,
        @DecimalMin("0.00") @DecimalMax("1000000.00") @Digits(integer = 7, fraction = 2) BigDecimal cost,
        @NotNull LocalDate acquiredOn,
        @Size(max = 160) String donor) {}
