package org.district.checkin.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.district.checkin.config.ReturnTaskSettings;
import org.district.checkin.domain.ReturnTaskFilter;
import org.district.checkin.entity.Device;
import org.district.checkin.entity.ReturnTask;
import org.district.checkin.repository.ReturnTaskRepository;
import org.district.contracts.checkin.ReturnReason;
import org.district.contracts.checkin.ReturnTaskReminder;
import org.district.support.domain.ConflictException;
import org.district.support.domain.NotFoundException;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * Return tasks: opening them (once per person and device, for a departure or a loaner), listing them, IT receiving the
 * device, reminding the holder before and on the due date, and escalating to the supervisor and IT when past due, again
 * every few days until the task is closed.
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

    @Inject
    ReturnTaskSettings settings;

    /**
     * Opens a task for the person to return the device by {@code dueOn} and raises ReturnTaskOpened; true when it did.
     * When one is already open, a changed due date moves it unless the task was escalated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean open(
            UUID offboardingId, ReturnReason reason, UUID personId, Device device, LocalDate dueOn, Instant now) {
        UUID taskId = UUID.randomUUID();
        if (tasks.open(taskId, offboardingId, reason, personId, device, dueOn, now)) {
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
     * Everything due today: the holder's reminders (a few days before the due date, and on it), OPEN tasks past their
     * due date marked OVERDUE and escalated (ReturnTaskOverdue, escalation 1), and OVERDUE tasks escalated again once
     * the repeat interval has passed since the last escalation. Each is raised once: replicas running it at the same
     * time claim their tasks with SKIP LOCKED, and a claim commits with its events. Returns the number of events.
     */
    @Transactional(Transactional.TxType.NEVER)
    public int escalateOverdue() {
        LocalDate today = clock.today();
        Instant startOfToday = today.atStartOfDay(clock.zone()).toInstant();
        int total = 0;
        if (settings.remindDaysBefore() > 0) {
            total += inChunks(now -> remind(
                    tasks.claimReminders(
                            false,
                            today.plusDays(1),
                            today.plusDays(settings.remindDaysBefore()),
                            startOfToday,
                            ESCALATION_CHUNK,
                            now),
                    ReturnTaskReminder.Reminder.DUE_SOON));
        }
        total += inChunks(now -> remind(
                tasks.claimReminders(true, today, today, startOfToday, ESCALATION_CHUNK, now),
                ReturnTaskReminder.Reminder.DUE_TODAY));
        total += inChunks(now -> escalate(tasks.claimOverdue(today, ESCALATION_CHUNK, now)));
        int repeatDays = Math.max(1, settings.escalationRepeatDays());
        total += inChunks(now ->
                escalate(tasks.claimReescalation(now.minus(Duration.ofDays(repeatDays)), ESCALATION_CHUNK, now)));
        return total;
    }

    /** Runs {@code step} (one claim, given the time) in its own transactions until a claim comes back short. */
    private int inChunks(java.util.function.Function<Instant, Integer> step) {
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> step.apply(clock.now()));
            total += done;
            if (done < ESCALATION_CHUNK) {
                return total;
            }
        }
    }

    private int remind(List<UUID> ids, ReturnTaskReminder.Reminder reminder) {
        for (UUID id : ids) {
            events.returnTaskReminder(tasks.findById(id), reminder);
        }
        if (!ids.isEmpty()) {
            LOG.infof("%d return task holders were reminded (%s)", ids.size(), reminder);
        }
        return ids.size();
    }

    private int escalate(List<UUID> ids) {
        for (UUID id : ids) {
            events.returnTaskOverdue(tasks.findById(id));
        }
        if (!ids.isEmpty()) {
            LOG.infof("%d overdue return tasks were escalated", ids.size());
        }
        return ids.size();
    }
}
