package org.district.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What a payment and a waiver have alike: an amount recorded against a charge, by whom and when. Recorded once, never
 * changed; each kind keeps its own table.
 */
@MappedSuperclass
public abstract class ChargeEntry {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "charge_id")
    public Charge charge;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String recordedBy;

    @Column(nullable = false)
    public Instant recordedAt;
}
