package org.district.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.inventory.entity.Assignment;

/** Assignment periods of devices. */
@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public Optional<Assignment> findOpen(UUID deviceId) {
        return find("device.id = ?1 and endedAt is null", deviceId).firstResultOptional();
    }

    public List<Assignment> forDevice(UUID deviceId) {
        return list("device.id = ?1 order by assignedAt desc", deviceId);
    }
}
