package org.district.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * What every record of the registry (a device, a person) has: its id, the version that guards against concurrent
 * changes (and orders its snapshots), and when it was created and last changed.
 */
@MappedSuperclass
public abstract class RegistryRecord {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
