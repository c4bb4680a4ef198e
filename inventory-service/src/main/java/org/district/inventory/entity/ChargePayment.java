package org.district.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A payment recorded against a charge. Recorded once, never changed. */
@Entity
@Table(name = "charge_payment")
public class ChargePayment extends ChargeEntry {

    /** The day the person paid. */
    @Column(nullable = false)
    public LocalDate paidOn;

    /** The receipt or cheque number, unique per charge. */
    public String reference;

    public String note;
}
