package org.district.checkin.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.district.checkin.ReturnTask;

/** Return tasks: the filtered list (due date order) and the counts of the dashboard. */
@ApplicationScoped
public class ReturnTaskRepository implements PanacheRepositoryBase<ReturnTask, UUID> {

    /** Tasks matching the filter in (dueOn, id) order after the keyset position; one row more than the limit. */
    @SuppressWarnings("unchecked")
    public List<ReturnTask> search(ReturnTaskFilter f, LocalDate afterDueOn, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select t.* from return_task t where true");
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            sql.append(" and t.status in (");
            for (int i = 0; i < f.statuses().size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
            }
            sql.append(")");
            f.statuses().forEach(s -> params.add(s.name()));
        }
        if (f.school() != null) {
            sql.append(" and t.school = ?");
            params.add(f.school());
        }
        if (f.dueFrom() != null) {
            sql.append(" and t.due_on >= ?");
            params.add(f.dueFrom());
        }
        if (f.dueTo() != null) {
            sql.append(" and t.due_on <= ?");
            params.add(f.dueTo());
        }
        if (f.personId() != null) {
            sql.append(" and t.person_id = ?");
            params.add(f.personId());
        }
        if (afterDueOn != null) {
            sql.append(" and (t.due_on, t.id) > (?, ?)");
            params.add(afterDueOn);
            params.add(afterId);
        }
        sql.append(" order by t.due_on, t.id limit ?");
        params.add(limit + 1);
        return DeviceRepository.bind(getEntityManager().createNativeQuery(sql.toString(), ReturnTask.class), params)
                .getResultList();
    }

    public long count(ReturnTask.Status status, String school) {
        return school == null ? count("status", status) : count("status = ?1 and school = ?2", status, school);
    }

    /** Open tasks of the person, in due-date order. */
    public List<ReturnTask> openFor(UUID personId) {
        return find(
                        "personId = ?1 and status in ?2 order by dueOn, assetTag",
                        personId,
                        List.of(ReturnTask.Status.OPEN, ReturnTask.Status.OVERDUE))
                .list();
    }
}
