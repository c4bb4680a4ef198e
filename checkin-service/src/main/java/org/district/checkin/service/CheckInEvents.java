package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.district.checkin.entity.ReturnTask;
import org.district.checkin.repository.PersonalDeviceRepository;
import org.district.contracts.Topics;
import org.district.contracts.checkin.DeviceCheckInState;
import org.district.contracts.checkin.DeviceReturned;
import org.district.contracts.checkin.DeviceSeenAfterDeparture;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.checkin.PersonalDeviceAccessRemoved;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.checkin.ReturnTaskReminder;
import org.district.support.outbox.Outbox;
import org.district.support.outbox.OutgoingEvent;

/**
 * Raises this service's events through the outbox, in the transaction of the change that causes them. Every event is
 * keyed by device id, so one device's events stay in order. loss-report-service turns them into notifications;
 * inventory-service and the district's network access control read PersonalDeviceAccessRemoved.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CheckInEvents {

    @Inject
    Outbox outbox;

    /** The alert says whether the device reported a location; the coordinates stay in this service's location table. */
    public void lostDeviceSeen(
            UUID deviceId, Instant seenAt, String site, String ipAddress, boolean located, String observedAddress) {
        LostDeviceSeen event = new LostDeviceSeen(deviceId, seenAt, site, ipAddress, located, observedAddress);
        device(deviceId, LostDeviceSeen.TYPE, LostDeviceSeen.SCHEMA_VERSION, event);
    }

    public void seenAfterDeparture(
            UUID deviceId, UUID personId, LocalDate lastWorkingDay, Instant seenAt, String site, String ipAddress) {
        DeviceSeenAfterDeparture event =
                new DeviceSeenAfterDeparture(deviceId, personId, lastWorkingDay, seenAt, site, ipAddress);
        device(deviceId, DeviceSeenAfterDeparture.TYPE, DeviceSeenAfterDeparture.SCHEMA_VERSION, event);
    }

    public void returnTaskOpened(ReturnTask task) {
        returnTask(
                task,
                ReturnTaskOpened.TYPE,
                ReturnTaskOpened.SCHEMA_VERSION,
                new ReturnTaskOpened(
                        task.id,
                        task.deviceId,
                        task.personId,
                        task.dueOn,
                        task.sensitiveData,
                        task.openedAt,
                        task.reason));
    }

    public void returnTaskReminder(ReturnTask task, ReturnTaskReminder.Reminder reminder) {
        returnTask(
                task,
                ReturnTaskReminder.TYPE,
                ReturnTaskReminder.SCHEMA_VERSION,
                new ReturnTaskReminder(
                        task.id,
                        task.deviceId,
                        task.personId,
                        task.dueOn,
                        task.reason,
                        reminder,
                        reminder == ReturnTaskReminder.Reminder.DUE_TODAY
                                ? task.remindedDueAt
                                : task.remindedBeforeAt));
    }

    public void returnTaskOverdue(ReturnTask task) {
        returnTask(
                task,
                ReturnTaskOverdue.TYPE,
                ReturnTaskOverdue.SCHEMA_VERSION,
                new ReturnTaskOverdue(
                        task.id,
                        task.deviceId,
                        task.personId,
                        task.dueOn,
                        task.escalatedAt,
                        task.reason,
                        task.escalations));
    }

    public void deviceReturned(ReturnTask task) {
        returnTask(
                task,
                DeviceReturned.TYPE,
                DeviceReturned.SCHEMA_VERSION,
                new DeviceReturned(task.id, task.deviceId, task.personId, task.returnedAt, task.receivedBy, task.note));
    }

    /**
     * Device check-in states, in the order given (one device's in version order), on the compacted device-state topic:
     * the envelope's aggregate version is the device's state version, so compacted readers keep the highest. One
     * statement for all of them (the check-in writer raises them per batch).
     */
    public void deviceStates(List<DeviceCheckInState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<OutgoingEvent> events = new ArrayList<>(states.size());
        for (DeviceCheckInState state : states) {
            String device = state.deviceId().toString();
            events.add(new OutgoingEvent(
                    Topics.DEVICE_STATE,
                    device,
                    "Device",
                    device,
                    state.version(),
                    DeviceCheckInState.TYPE,
                    DeviceCheckInState.SCHEMA_VERSION,
                    state));
        }
        outbox.publishAll(events);
    }

    /**
     * A personal device's access ended (its credential is revoked): for a network access control or identity system,
     * and for inventory to record, on the personal-device-access topic. The owner of a personal device is its assignee.
     */
    public void personalDeviceAccessRemoved(
            PersonalDeviceRepository.Removed device,
            PersonalDeviceAccessRemoved.Reason reason,
            List<String> complianceIssues,
            Instant removedAt) {
        PersonalDeviceAccessRemoved event = new PersonalDeviceAccessRemoved(
                UUID.randomUUID(),
                device.deviceId(),
                device.serialNumber(),
                device.ownerDistrictId(),
                device.school(),
                reason,
                List.copyOf(complianceIssues),
                removedAt);
        publish(
                Topics.PERSONAL_DEVICE_ACCESS,
                device.deviceId(),
                "Device",
                device.deviceId(),
                PersonalDeviceAccessRemoved.TYPE,
                PersonalDeviceAccessRemoved.SCHEMA_VERSION,
                event);
    }

    /** An alert about a device, on the device-alerts topic. */
    private void device(UUID deviceId, String type, int schema, Object data) {
        publish(Topics.DEVICE_ALERTS, deviceId, "Device", deviceId, type, schema, data);
    }

    /** A change of a return task, on the return-tasks topic, keyed by its device. */
    private void returnTask(ReturnTask task, String type, int schema, Object data) {
        publish(Topics.RETURN_TASKS, task.deviceId, "ReturnTask", task.id, type, schema, data);
    }

    private void publish(
            String topic, UUID key, String aggregateType, UUID aggregateId, String type, int schema, Object data) {
        outbox.publish(
                new OutgoingEvent(topic, key.toString(), aggregateType, aggregateId.toString(), 0, type, schema, data));
    }
}
