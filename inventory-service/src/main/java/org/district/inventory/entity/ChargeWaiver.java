package org.district.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Part (or all) of a charge the district forgoes, and why. Recorded once, never changed. */
@Entity
@Table(name = "charge_waiver")
public class ChargeWaiver extends ChargeEntry {

    @Column(nullable = false)
    public String reason;
}
