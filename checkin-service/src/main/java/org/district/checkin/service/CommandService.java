package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.checkin.Device;
import org.district.checkin.DeviceCommand;
import org.district.checkin.config.CheckinSettings;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.repository.DeviceRepository;
import org.district.contracts.inventory.Ownership;
import org.district.support.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Lock, wipe and locate commands: issued by IT or queued by a loss report, delivered with the device's next check-in
 * response (see the check-in writer), confirmed by the device, cancelled by IT or by the device's recovery.
 */
@ApplicationScoped
@Transactional
public class CommandService {

    private static final Logger LOG = Logger.getLogger(CommandService.class);

    @Inject
    EntityManager em;

    @Inject
    DeviceRepository devices;

    @Inject
    CheckinSettings settings;

    @Inject
    DistrictClock clock;

    /** IT issues a command. WIPE only for district devices; one open command of each type per device. */
    public DeviceCommand issue(UUID deviceId, DeviceCommand.Type type, String message, String reason, String actor) {
        Device device = devices.findByIdOptional(deviceId)
                .orElseThrow(() -> ProblemException.notFound("device", deviceId.toString()));
        if (device.outOfService()) {
            throw ProblemException.conflict(
                    "device-out-of-service",
                    "The device is " + device.status + " and no longer checks in; a command would never be delivered.");
        }
        if (type == DeviceCommand.Type.WIPE && device.ownership != Ownership.DISTRICT) {
            throw ProblemException.conflict(
                    "wipe-not-allowed",
                    "type",
                    "A WIPE may only be sent to a district-owned device; this one is a personal device.");
        }
        List<DeviceCommand> open = em.createQuery(
                        "from DeviceCommand where deviceId = ?1 and type = ?2 and status in ?3", DeviceCommand.class)
                .setParameter(1, deviceId)
                .setParameter(2, type)
                .setParameter(3, List.of(DeviceCommand.Status.PENDING, DeviceCommand.Status.DELIVERED))
                .getResultList();
        if (!open.isEmpty()) {
            throw ProblemException.conflict(
                    "command-already-open",
                    "type",
                    "A " + type + " command (" + open.get(0).id + ") is already waiting for this device.");
        }
        DeviceCommand command = new DeviceCommand();
        command.id = UUID.randomUUID();
        command.deviceId = deviceId;
        command.type = type;
        command.message = type == DeviceCommand.Type.LOCK ? (message == null ? settings.lockMessage() : message) : null;
        command.status = DeviceCommand.Status.PENDING;
        command.issuedBy = actor;
        command.reason = reason;
        command.createdAt = clock.now();
        em.persist(command);
        em.flush();
        LOG.infof("%s issued %s command %s for device %s", actor, type, command.id, deviceId);
        return command;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeviceCommand> list(UUID deviceId) {
        return em.createQuery("from DeviceCommand where deviceId = ?1 order by createdAt desc, id", DeviceCommand.class)
                .setParameter(1, deviceId)
                .setMaxResults(200)
                .getResultList();
    }

    /** IT cancels a command the device has not received yet. */
    public DeviceCommand cancel(UUID deviceId, UUID commandId, String actor) {
        DeviceCommand command =
                em.find(DeviceCommand.class, commandId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (command == null || !command.deviceId.equals(deviceId)) {
            throw ProblemException.notFound("command", commandId.toString());
        }
        if (command.status == DeviceCommand.Status.CANCELLED) {
            return command;
        }
        if (command.status != DeviceCommand.Status.PENDING) {
            throw ProblemException.conflict(
                    "command-not-pending",
                    "The command is " + command.status + "; only a PENDING command (not yet sent to the device) can be"
                            + " cancelled.");
        }
        command.status = DeviceCommand.Status.CANCELLED;
        command.cancelledAt = clock.now();
        command.cancelledBy = actor;
        return command;
    }

    /** A loss report queues LOCK (with the district's return message) and LOCATE, each once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lossReported(UUID deviceId, String reportNumber, String reportedBy) {
        Instant now = clock.now();
        for (DeviceCommand.Type type : List.of(DeviceCommand.Type.LOCK, DeviceCommand.Type.LOCATE)) {
            em.createNativeQuery("insert into device_command (id, device_id, type, message, status, issued_by, reason,"
                            + " created_at) values (?1, ?2, ?3, ?4, 'PENDING', ?5, ?6, ?7)"
                            + " on conflict (device_id, type) where status in ('PENDING', 'DELIVERED') do nothing")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, deviceId)
                    .setParameter(3, type.name())
                    .setParameter(4, type == DeviceCommand.Type.LOCK ? settings.lockMessage() : null)
                    .setParameter(5, "loss-report:" + reportedBy)
                    .setParameter(6, "Loss report " + reportNumber)
                    .setParameter(7, now)
                    .executeUpdate();
        }
    }

    /** The device was found: its open commands are cancelled and its stored locations purged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recovered(UUID deviceId, String recordedBy) {
        Instant now = clock.now();
        int cancelled = em.createNativeQuery("update device_command set status = 'CANCELLED', cancelled_at = ?1,"
                        + " cancelled_by = ?2 where device_id = ?3 and status in ('PENDING', 'DELIVERED')")
                .setParameter(1, now)
                .setParameter(2, "recovery:" + recordedBy)
                .setParameter(3, deviceId)
                .executeUpdate();
        int purged = em.createNativeQuery("delete from device_location where device_id = ?1")
                .setParameter(1, deviceId)
                .executeUpdate();
        em.createNativeQuery("update device set lost_seen_at = null, lost_alerted_at = null where id = ?1")
                .setParameter(1, deviceId)
                .executeUpdate();
        LOG.infof("Device %s recovered: %d commands cancelled, %d locations purged", deviceId, cancelled, purged);
    }
}
