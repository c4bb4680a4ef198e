package org.district.checkin.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.district.checkin.ReturnTask;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.repository.ReturnTaskFilter;
import org.district.checkin.repository.ReturnTaskRepository;
import org.district.support.problem.ProblemException;
import org.jboss.logging.Logger;

/** Return tasks after they are opened: listing, IT receiving the device, and escalation when past due. */
@ApplicationScoped
@Transactional
public class ReturnTaskService {

    private static final Logger LOG = Logger.getLogger(ReturnTaskService.class);
    private static final int ESCALATION_CHUNK = 200;

    @Inject
    EntityManager em;

    @Inject
    ReturnTaskRepository tasks;

    @Inject
    CheckinEvents events;

    @Inject
    DistrictClock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReturnTask> search(ReturnTaskFilter filter, LocalDate afterDueOn, UUID afterId, int limit) {
        return tasks.search(filter, afterDueOn, afterId, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReturnTask get(UUID id) {
        return tasks.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("return task", id.toString()));
    }

    /**
     * IT received the device: the task is RETURNED and inventory is told (DeviceReturned), which moves the device to
     * QUARANTINED or IN_STOCK. Receiving it again changes nothing and raises nothing.
     */
    public ReturnTask markReturned(UUID id, String note, String actor) {
        ReturnTask task = tasks.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("return task", id.toString()));
        if (task.status == ReturnTask.Status.RETURNED) {
            return task;
        }
        if (task.status == ReturnTask.Status.CLOSED) {
            throw ProblemException.conflict(
                    "task-closed", "The task was closed (" + task.closeReason + "); there is nothing to receive.");
        }
        task.status = ReturnTask.Status.RETURNED;
        task.returnedAt = clock.now();
        task.receivedBy = actor;
        task.note = note;
        events.deviceReturned(task);
        LOG.infof("%s received device %s for return task %s", actor, task.deviceId, task.id);
        return task;
    }

    /**
     * Marks OPEN tasks whose due date has passed OVERDUE and raises ReturnTaskOverdue once for each. Replicas may run
     * it at the same time: each claims its tasks with SKIP LOCKED, so no task is escalated twice.
     */
    @Transactional(Transactional.TxType.NEVER)
    public int escalateOverdue() {
        int total = 0;
        while (true) {
            int escalated = QuarkusTransaction.requiringNew().call(this::escalateChunk);
            total += escalated;
            if (escalated < ESCALATION_CHUNK) {
                return total;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private int escalateChunk() {
        LocalDate today = clock.today();
        Instant now = clock.now();
        List<Object> ids = em.createNativeQuery("with due as (select id from return_task where status = 'OPEN'"
                        + " and due_on < ?1 order by due_on, id limit ?2 for update skip locked)"
                        + " update return_task t set status = 'OVERDUE', escalated_at = ?3 from due"
                        + " where t.id = due.id returning t.id")
                .setParameter(1, today)
                .setParameter(2, ESCALATION_CHUNK)
                .setParameter(3, now)
                .getResultList();
        for (Object id : ids) {
            ReturnTask task = tasks.findById(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
            events.returnTaskOverdue(task);
        }
        if (!ids.isEmpty()) {
            LOG.infof("%d return tasks are overdue and were escalated", ids.size());
        }
        return ids.size();
    }
}
