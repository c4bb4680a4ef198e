package org.district.inventory.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One recorded change to a person record: who, when and what changed. */
@Entity
@Table(name = "person_history")
@AttributeOverride(name = "recordId", column = @Column(name = "person_id", nullable = false))
public class PersonHistoryEntry extends HistoryEntry {}
