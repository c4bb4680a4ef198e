package org.district.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.inventory.domain.FieldChange;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded change to a person record: who, when and what changed. */
@Entity
@Table(name = "person_history")
public class PersonHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<FieldChange> changes;
}
