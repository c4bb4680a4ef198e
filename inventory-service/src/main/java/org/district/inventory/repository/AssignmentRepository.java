package org.district.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.district.inventory.entity.Assignment;

/** Assignment periods of devices. */
@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public Optional<Assignment> findOpen(UUID deviceId) {
        return find("device.id = ?1 and endedAt is null", deviceId).firstResultOptional();
    }

    /**
     * Open assignments with a due date, earliest first, with device and person; only those due before {@code dueBefore}
     * when it is given, and only at {@code school} when it is given.
     */
    public List<Assignment> openLoans(LocalDate dueBefore, String school, int limit) {
        StringBuilder q = new StringBuilder(
                "select a from Assignment a join fetch a.device d join fetch a.person where a.endedAt is null"
                        + " and a.dueOn is not null");
        Map<String, Object> params = new HashMap<>();
        if (dueBefore != null) {
            q.append(" and a.dueOn < :dueBefore");
            params.put("dueBefore", dueBefore);
        }
        if (school != null) {
            q.append(" and d.school = :school");
            params.put("school", school);
        }
        q.append(" order by a.dueOn, a.id");
        return find(q.toString(), params).page(0, limit).list();
    }

    public List<Assignment> forDevice(UUID deviceId) {
        return list("device.id = ?1 order by assignedAt desc", deviceId);
    }
}
