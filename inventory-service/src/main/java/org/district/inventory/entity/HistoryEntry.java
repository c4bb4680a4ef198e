package org.district.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.List;
import java.util.UUID;
import org.district.inventory.domain.FieldChange;
import org.district.support.history.ActionEntry;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What every history entry records, of a device or of a person: who changed what, and when. */
@MappedSuperclass
public abstract class HistoryEntry extends ActionEntry {

    /** The device or person the entry is about; each kind of entry names its own column. */
    public UUID recordId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<FieldChange> changes;
}
