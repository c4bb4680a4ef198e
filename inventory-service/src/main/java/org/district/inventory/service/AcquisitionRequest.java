package org.district.inventory.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.district.inventory.domain.AcquisitionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the district acquired a device: PURCHASED (vendor, purchase order, cost, purchase date) or DONATED (donor,
 * acceptance date, optionally its estimated value as cost).
 */
@Schema(
        description = "How the district acquired a device: PURCHASED (vendor, purchase order, cost, purchase date) or"
                + " DONATED (donor, acceptance date, optionally its estimated value as cost).",
        example = "{\"type\": \"PURCHASED\", \"vendor\": \"CDW Government\", \"purchaseOrder\": \"PO-2025-00117\","
                + " \"cost\": 649.00, \"acquiredOn\": \"2025-08-15\"}")
public record AcquisitionRequest(
        @NotNull @Schema(description = "PURCHASED or DONATED", example = "PURCHASED") AcquisitionType type,
        @Size(max = 120)
                @Schema(
                        description = "Vendor; required for a purchase, refused for a donation",
                        example = "CDW Government")
                String vendor,
        @Size(max = 60)
                @Schema(
                        description = "Purchase order number; required for a purchase, refused for a donation",
                        example = "PO-2025-00117")
                String purchaseOrder,
        @DecimalMin("0.00")
                @DecimalMax("1000000.00")
                @Digits(integer = 7, fraction = 2)
                @Schema(
                        description = "Cost in US dollars, at most 2 decimals; required for a purchase, for a donation"
                                + " its estimated value if known",
                        example = "649.00")
                BigDecimal cost,
        @NotNull
                @Schema(
                        description = "Date of purchase or of acceptance of the donation: from 1990-01-01 to today"
                                + " (district time)",
                        example = "2025-08-15")
                LocalDate acquiredOn,
        @Size(max = 160)
                @Schema(
                        description = "Donor; required for a donation, refused for a purchase",
                        example = "Lincoln High PTA")
                String donor) {}
