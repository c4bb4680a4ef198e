package org.district.contracts.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The full state of a charge (a cost a person owes for a damaged or lost device) after a change, with its totals,
 * published to {@link org.district.contracts.Topics#CHARGES}. It names the person by id only; the charge's texts
 * (description, payment references and notes, waiver reasons) stay in inventory-service, since they may name people.
 *
 * @param change what changed: {@code CREATED}, {@code PAYMENT_RECORDED} or {@code WAIVER_RECORDED}
 * @param amount what was charged, in US dollars
 * @param paid the sum of the payments recorded so far
 * @param waived the sum of the waivers recorded so far
 * @param outstanding amount less paid and waived; never below zero
 */
public record ChargeSnapshot(
        UUID id,
        long version,
        String change,
        UUID personId,
        UUID deviceId,
        ChargeReason reason,
        BigDecimal amount,
        BigDecimal paid,
        BigDecimal waived,
        BigDecimal outstanding,
        ChargeStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public static final String TYPE = "ChargeSnapshot";
    public static final int SCHEMA_VERSION = 1;
}
