package org.district.checkin.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.district.checkin.domain.ReturnTaskFilter;
import org.district.checkin.entity.Device;
import org.district.checkin.entity.ReturnTask;
import org.district.checkin.repository.ReturnTaskRepository;
import org.district.support.domain.ConflictException;
import org.district.support.domain.NotFoundException;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * Return tasks: opening them (once per person and device), listing them, IT receiving the device, and escalation when
 * past due.
 */
@ApplicationScoped
@Transactional
public class ReturnTaskService {

    private static final Logger LOG = Logger.getLogger(ReturnTaskService.class);
    private static final int ESCALATION_CHUNK = 200;

    @Inject
    ReturnTaskRepository tasks;

    @Inject
    CheckInEvents events;

    @Inject
    DistrictClock clock;

    /**
     * Opens a task for the person to return the device by {@code dueOn} and raises ReturnTaskOpened; true when it did.
     * When one is already open, a changed due date moves it unless the task was escalated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean open(UUID offboardingId, UUID personId, Device device, LocalDate dueOn, Instant now) {
        UUID taskId = UUID.randomUUID();
        if (tasks.open(taskId, offboardingId, personId, device, dueOn, now)) {
            events.returnTaskOpened(tasks.findById(taskId));
            return true;
        }
        tasks.moveDueDate(personId, device.id, dueOn);
        return false;
    }

    /** The person's open tasks, in due-date order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReturnTask> openFor(UUID personId) {
        return tasks.openFor(personId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReturnTask> search(ReturnTaskFilter filter, LocalDate afterDueOn, UUID afterId, int limit) {
        return tasks.search(filter, afterDueOn, afterId, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReturnTask get(UUID id) {
        return tasks.findByIdOptional(id).orElseThrow(() -> new NotFoundException("return task", id.toString()));
    }

    /**
     * IT received the device: the task is RETURNED and inventory is told (DeviceReturned), which moves the device to
     * QUARANTINED or IN_STOCK. Receiving it again changes nothing and raises nothing.
     */
    public ReturnTask markReturned(UUID id, String note, String actor) {
        ReturnTask task = tasks.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("return task", id.toString()));
        if (task.status == ReturnTask.Status.RETURNED) {
            return task;
        }
        if (task.status == ReturnTask.Status.CLOSED) {
            throw ConflictException.of(
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

    private int escalateChunk() {
        List<UUID> ids = tasks.claimOverdue(clock.today(), ESCALATION_CHUNK, clock.now());
        for (UUID id : ids) {
            events.returnTaskOverdue(tasks.findById(id));
        }
        if (!ids.isEmpty()) {
            LOG.infof("%d return tasks are overdue and were escalated", ids.size());
        }
        return ids.size();
    }
}
