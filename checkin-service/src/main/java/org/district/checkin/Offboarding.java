package org.district.checkin;

import jakarta.persistence.Column;
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

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "last_working_day")
    public LocalDate lastWorkingDay;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** REST or KAFKA. */
    public String source;

    @Column(name = "tasks_opened")
    public int tasksOpened;
}
