package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.contracts.inventory.ChargeReason;
import org.district.contracts.inventory.ChargeStatus;
import org.district.inventory.entity.Charge;
import org.district.inventory.entity.ChargePayment;
import org.district.inventory.entity.ChargeWaiver;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A charge: what a person owes for a device they damaged or lost, and where it stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "A charge: what a person owes for a device they damaged or lost, and where it stands. Outstanding"
                + " is the amount less what was paid and waived. A charge read by itself lists its payments and"
                + " waivers; a list leaves them out.")
public record ChargeView(
        @Schema(description = "The charge's id", example = "6e1b7a52-3c4d-4f8e-9a0b-2c3d4e5f6a7b", required = true)
                UUID id,
        @Schema(description = "Who owes it", required = true) PersonRefView person,
        @Schema(
                        description = "The damaged or lost device's id",
                        example = "3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21",
                        required = true)
                UUID deviceId,
        @Schema(description = "The device's asset tag", example = "LHS-0042", required = true) String assetTag,
        @Schema(description = "DAMAGE or LOSS", example = "DAMAGE", required = true) ChargeReason reason,
        @Schema(
                        description = "What the charge is for",
                        example = "Cracked screen; replaced by the repair depot.",
                        required = true)
                String description,
        @Schema(description = "What was charged, in US dollars", example = "150.00", required = true) BigDecimal amount,
        @Schema(description = "The sum of the payments", example = "50.00", required = true) BigDecimal paid,
        @Schema(description = "The sum of the waivers", example = "0.00", required = true) BigDecimal waived,
        @Schema(description = "What is still owed: amount less paid and waived", example = "100.00", required = true)
                BigDecimal outstanding,
        @Schema(
                        description =
                                "OPEN while something is outstanding; then PAID (all paid), WAIVED (all waived) or"
                                        + " SETTLED (part paid, part waived)",
                        example = "OPEN",
                        required = true)
                ChargeStatus status,
        @Schema(description = "Who recorded it: role and district id", example = "IT_ADMIN:E10001", required = true)
                String createdBy,
        @Schema(description = "When it was recorded", example = "2026-03-01T14:05:00Z", required = true)
                Instant createdAt,
        @Schema(
                        description = "When it last changed (its latest payment or waiver)",
                        example = "2026-03-02T15:10:00Z",
                        required = true)
                Instant updatedAt,
        @Schema(description = "Its payments, oldest first (only when the charge is read by itself)")
                List<PaymentView> payments,
        @Schema(description = "Its waivers, oldest first (only when the charge is read by itself)")
                List<WaiverView> waivers) {

    /** The charge as a list shows it, without its payments and waivers. */
    static ChargeView of(Charge c) {
        return with(c, null, null);
    }

    /** The charge with its payments and waivers. */
    static ChargeView of(Charge c, List<ChargePayment> payments, List<ChargeWaiver> waivers) {
        return with(
                c,
                payments.stream().map(PaymentView::of).toList(),
                waivers.stream().map(WaiverView::of).toList());
    }

    private static ChargeView with(Charge c, List<PaymentView> payments, List<WaiverView> waivers) {
        return new ChargeView(
                c.id,
                PersonRefView.of(c.person),
                c.device.id,
                c.device.assetTag,
                c.reason,
                c.description,
                c.amount,
                c.paid,
                c.waived,
                c.outstanding(),
                c.status,
                c.createdBy,
                c.createdAt,
                c.updatedAt,
                payments,
                waivers);
    }
}
