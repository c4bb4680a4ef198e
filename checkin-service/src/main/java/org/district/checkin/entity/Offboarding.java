package org.district.checkin.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** HR's request to collect a departing person's devices by their last working day. */
@Entity
@Table(name = "offboarding")
public class Offboarding {

    @Id
    public UUID id;

    public UUID personId;

    public LocalDate lastWorkingDay;

    public String requestedBy;

    public Instant requestedAt;

    /** REST, KAFKA (hr.offboardings.v1) or PEOPLE_SYNC (a departure in inventory's people). */
    public String source;

    public int tasksOpened;
}
