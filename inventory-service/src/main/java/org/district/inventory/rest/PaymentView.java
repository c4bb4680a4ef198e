package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.inventory.entity.ChargePayment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment recorded against a charge. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A payment recorded against a charge. Fields without a value are omitted.")
public record PaymentView(
        @Schema(description = "The payment's id", example = "2b7e4c19-5d3a-4f6e-8b1c-9a0d2e3f4a5b", required = true)
                UUID id,
        @Schema(description = "What was paid, in US dollars", example = "50.00", required = true) BigDecimal amount,
        @Schema(description = "The day the person paid", example = "2026-03-02", required = true) LocalDate paidOn,
        @Schema(description = "The receipt or cheque number", example = "R-2026-0042") String reference,
        @Schema(description = "A note about the payment", example = "Paid at the school office.") String note,
        @Schema(description = "Who recorded it: role and district id", example = "IT_ADMIN:E10001", required = true)
                String recordedBy,
        @Schema(description = "When it was recorded", example = "2026-03-02T15:10:00Z", required = true)
                Instant recordedAt) {

    static PaymentView of(ChargePayment p) {
        return new PaymentView(p.id, p.amount, p.paidOn, p.reference, p.note, p.recordedBy, p.recordedAt);
    }
}
