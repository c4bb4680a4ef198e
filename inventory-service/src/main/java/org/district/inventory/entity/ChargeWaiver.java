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
import java.util.UUID;

/** Part (or all) of a charge the district forgoes, and why. Recorded once, never changed. */
@Entity
@Table(name = "charge_waiver")
public class ChargeWaiver {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "charge_id")
    public Charge charge;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String recordedBy;

    @Column(nullable = false)
    public Instant recordedAt;
}
