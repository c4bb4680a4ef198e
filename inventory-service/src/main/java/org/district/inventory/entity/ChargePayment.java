package org.district.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment recorded against a charge. Recorded once, never changed. */
@Entity
@Table(name = "charge_payment")
public class ChargePayment {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "charge_id")
    public Charge charge;

    @Column(nullable = false)
    public BigDecimal amount;

    /** The day the person paid. */
    @Column(nullable = false)
    public LocalDate paidOn;

    /** The receipt or cheque number, unique per charge. */
    public String reference;

    public String note;

    @Column(nullable = false)
    public String recordedBy;

    @Column(nullable = false)
    public Instant recordedAt;
}
