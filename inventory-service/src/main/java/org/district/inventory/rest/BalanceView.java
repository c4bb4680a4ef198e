package org.district.inventory.rest;

import java.math.BigDecimal;
import java.util.UUID;
import org.district.inventory.domain.ChargeTotals;
import org.district.inventory.entity.Person;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a person has been charged, paid and been waived in all, and what they still owe. */
@Schema(
        description = "What a person has been charged, paid and been waived in all, and what they still owe"
                + " (outstanding = charged - paid - waived). Zeros for a person never charged.")
public record BalanceView(
        @Schema(description = "The person's id", example = "7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30", required = true)
                UUID personId,
        @Schema(description = "The person's district id (upper case)", example = "E10234", required = true)
                String districtId,
        @Schema(description = "How many charges they have", example = "2", required = true) long charges,
        @Schema(description = "How many of those are OPEN", example = "1", required = true) long openCharges,
        @Schema(description = "The sum of their charges, in US dollars", example = "400.00", required = true)
                BigDecimal charged,
        @Schema(description = "The sum of their payments", example = "250.00", required = true) BigDecimal paid,
        @Schema(description = "The sum of their waivers", example = "50.00", required = true) BigDecimal waived,
        @Schema(description = "What they still owe", example = "100.00", required = true) BigDecimal outstanding) {

    static BalanceView of(Person p, ChargeTotals t) {
        return new BalanceView(
                p.id, p.districtId, t.charges(), t.open(), t.charged(), t.paid(), t.waived(), t.outstanding());
    }
}
