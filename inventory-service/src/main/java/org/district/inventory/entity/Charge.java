package org.district.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.district.contracts.inventory.ChargeReason;
import org.district.contracts.inventory.ChargeStatus;

/**
 * What a person owes for a device they damaged or lost, with the running totals of the payments and waivers recorded
 * against it (the rows of {@link ChargePayment} and {@link ChargeWaiver} add up to them).
 */
@Entity
@Table(name = "charge")
public class Charge extends RegistryRecord {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "device_id")
    public Device device;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChargeReason reason;

    @Column(nullable = false)
    public String description;

    /** What was charged, in US dollars. */
    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public BigDecimal paid = BigDecimal.ZERO.setScale(2);

    @Column(nullable = false)
    public BigDecimal waived = BigDecimal.ZERO.setScale(2);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChargeStatus status;

    /** Who recorded the charge, for example {@code IT_ADMIN:E1001}. */
    @Column(nullable = false)
    public String createdBy;

    /** What is still owed: the amount less what was paid and what was waived. */
    public BigDecimal outstanding() {
        return amount.subtract(paid).subtract(waived);
    }

    /**
     * The status the totals give: OPEN while something is outstanding; once nothing is, PAID when all was paid,
     * WAIVED when all was waived, SETTLED when part was paid and part waived.
     */
    public ChargeStatus statusFromTotals() {
        if (outstanding().signum() > 0) {
            return ChargeStatus.OPEN;
        }
        if (waived.signum() == 0) {
            return ChargeStatus.PAID;
        }
        return paid.signum() == 0 ? ChargeStatus.WAIVED : ChargeStatus.SETTLED;
    }
}
