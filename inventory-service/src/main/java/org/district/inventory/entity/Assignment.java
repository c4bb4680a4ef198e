package org.district.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One period during which a device was assigned to a person; open while {@code endedAt} is null. */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "device_id")
    public Device device;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(nullable = false)
    public Instant assignedAt;

    @Column(nullable = false)
    public String assignedBy;

    /** When the device is due back (a loaner); null for an assignment without an end. */
    public LocalDate dueOn;

    public Instant endedAt;

    public String endedBy;

    public String endReason;
}
