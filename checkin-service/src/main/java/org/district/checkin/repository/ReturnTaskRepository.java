package org.district.checkin.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.district.checkin.domain.ReturnTaskFilter;
import org.district.checkin.entity.Device;
import org.district.checkin.entity.ReturnTask;
import org.district.contracts.checkin.ReturnReason;

/**
 * Return tasks: the filtered list (due date order), the counts of what needs IT's attention, opening them once per
 * person and device, and claiming those past due for escalation.
 */
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

    /**
     * Opens a task for the person to return the device by {@code dueOn}, unless one is already open for the pair; true
     * when this call opened it.
     */
    public boolean open(
            UUID taskId,
            UUID offboardingId,
            ReturnReason reason,
            UUID personId,
            Device device,
            LocalDate dueOn,
            Instant now) {
        return !getEntityManager()
                .createNativeQuery("insert into return_task (id, offboarding_id, person_id,"
                        + " device_id, asset_tag, device_type, school, sensitive_data, due_on, status, opened_at,"
                        + " reason) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'OPEN', ?10, ?11)"
                        + " on conflict (person_id, device_id) where status in ('OPEN', 'OVERDUE') do nothing"
                        + " returning id")
                .setParameter(1, taskId)
                .setParameter(2, offboardingId)
                .setParameter(3, personId)
                .setParameter(4, device.id)
                .setParameter(5, device.assetTag)
                .setParameter(6, device.type.name())
                .setParameter(7, device.school)
                .setParameter(8, device.sensitiveData)
                .setParameter(9, dueOn)
                .setParameter(10, now)
                .setParameter(11, reason.name())
                .getResultList()
                .isEmpty();
    }

    /** Moves the due date of the person's OPEN (not yet escalated) task for the device. */
    public void moveDueDate(UUID personId, UUID deviceId, LocalDate dueOn) {
        // A moved due date is a new one: its reminders are owed again.
        getEntityManager()
                .createNativeQuery("update return_task set due_on = ?1, reminded_before_at = null,"
                        + " reminded_due_at = null where person_id = ?2 and device_id = ?3"
                        + " and status = 'OPEN' and due_on <> ?1")
                .setParameter(1, dueOn)
                .setParameter(2, personId)
                .setParameter(3, deviceId)
                .executeUpdate();
    }

    /**
     * Marks up to {@code limit} OPEN tasks due before {@code today} OVERDUE and returns their ids. Tasks another
     * transaction holds are skipped (SKIP LOCKED), so replicas running it at once never claim the same task.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimOverdue(LocalDate today, int limit, Instant now) {
        List<Object> ids = getEntityManager()
                .createNativeQuery("with due as (select id from return_task where status = 'OPEN'"
                        + " and due_on < ?1 order by due_on, id limit ?2 for update skip locked)"
                        + " update return_task t set status = 'OVERDUE', escalated_at = ?3, escalations = 1 from due"
                        + " where t.id = due.id returning t.id")
                .setParameter(1, today)
                .setParameter(2, limit)
                .setParameter(3, now)
                .getResultList();
        return ids.stream()
                .map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()))
                .toList();
    }

    /**
     * Claims up to {@code limit} OVERDUE tasks last escalated at or before {@code lastBefore} for one more escalation:
     * marks them escalated at {@code now}, counts the escalation and returns their ids. SKIP LOCKED, as above.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimReescalation(Instant lastBefore, int limit, Instant now) {
        return ids(getEntityManager()
                .createNativeQuery("with due as (select id from return_task where status = 'OVERDUE'"
                        + " and escalated_at <= ?1 order by escalated_at, id limit ?2 for update skip locked)"
                        + " update return_task t set escalated_at = ?3, escalations = t.escalations + 1 from due"
                        + " where t.id = due.id returning t.id")
                .setParameter(1, lastBefore)
                .setParameter(2, limit)
                .setParameter(3, now)
                .getResultList());
    }

    /**
     * Claims up to {@code limit} OPEN tasks due from {@code from} to {@code to} whose holder has not had this reminder
     * and that were opened before {@code openedBefore} (the notice a task opens with already says when it is due):
     * marks the reminder sent at {@code now} and returns their ids. {@code dueToday} picks the reminder: on the due date,
     * or before it. SKIP LOCKED, as above.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimReminders(
            boolean dueToday, LocalDate from, LocalDate to, Instant openedBefore, int limit, Instant now) {
        String column = dueToday ? "reminded_due_at" : "reminded_before_at";
        return ids(getEntityManager()
                .createNativeQuery("with due as (select id from return_task where status = 'OPEN' and " + column
                        + " is null and due_on between ?1 and ?2 and opened_at < ?3 order by due_on, id limit ?4"
                        + " for update skip locked) update return_task t set " + column + " = ?5 from due"
                        + " where t.id = due.id returning t.id")
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, openedBefore)
                .setParameter(4, limit)
                .setParameter(5, now)
                .getResultList());
    }

    private static List<UUID> ids(List<Object> rows) {
        return rows.stream()
                .map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()))
                .toList();
    }
}
