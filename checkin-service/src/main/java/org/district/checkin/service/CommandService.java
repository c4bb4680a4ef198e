package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.checkin.config.CheckInSettings;
import org.district.checkin.domain.PersonalDeviceRules;
import org.district.checkin.entity.Device;
import org.district.checkin.entity.DeviceCommand;
import org.district.checkin.mdm.MdmRepository;
import org.district.checkin.repository.DeviceCommandRepository;
import org.district.checkin.repository.DeviceLocationRepository;
import org.district.checkin.repository.DeviceRepository;
import org.district.contracts.inventory.Ownership;
import org.district.support.domain.ConflictException;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * Lock, wipe and locate commands: issued by IT or queued by a loss report, delivered with the device's next check-in
 * response (see the check-in writer), confirmed by the device, cancelled by IT or by the device's recovery.
 */
@ApplicationScoped
@Transactional
public class CommandService {

    private static final Logger LOG = Logger.getLogger(CommandService.class);
    private static final int MAX_LISTED = 200;

    @Inject
    DeviceCommandRepository commands;

    @Inject
    DeviceRepository devices;

    @Inject
    DeviceLocationRepository locations;

    @Inject
    CheckInSettings settings;

    @Inject
    MdmRepository mdmDevices;

    @Inject
    DistrictClock clock;

    /**
     * IT issues a command. WIPE only for district devices, and only with the device's asset tag typed again; LOCK and
     * LOCATE to a personal device only while it is approved and its owner consented to them; one open command of each
     * type per device.
     */
    public DeviceCommand issue(UUID deviceId, CommandRequest request, String actor) {
        DeviceCommand.Type type = request.type();
        Device device = devices.findByIdOptional(deviceId)
                .orElseThrow(() -> new NotFoundException("device", deviceId.toString()));
        if (device.outOfService()) {
            throw ConflictException.of(
                    "device-out-of-service",
                    "The device is " + device.status + " and no longer checks in; a command would never be delivered.");
        }
        if (type == DeviceCommand.Type.WIPE && device.ownership != Ownership.DISTRICT) {
            throw ConflictException.onField(
                    "wipe-not-allowed",
                    "type",
                    "A WIPE may only be sent to a district-owned device; this one is a personal device.");
        }
        if (type == DeviceCommand.Type.LOCK || type == DeviceCommand.Type.LOCATE) {
            // A personal device: only while approved, and only when its owner consented to them at approval.
            PersonalDeviceRules.requireConsentForLockAndLocate(device, type.name());
        }
        if (type == DeviceCommand.Type.WIPE
                && (request.confirmAssetTag() == null
                        || !request.confirmAssetTag().strip().equalsIgnoreCase(device.assetTag))) {
            // Erasing cannot be undone: IT names the device it means, so a WIPE never reaches another by a slip.
            throw InvalidException.of(
                    "confirmAssetTag",
                    "Type the device's asset tag " + device.assetTag + " to confirm that this device is to be wiped.");
        }
        List<DeviceCommand> open = commands.open(deviceId, type);
        if (!open.isEmpty()) {
            throw ConflictException.onField(
                    "command-already-open",
                    "type",
                    "A " + type + " command (" + open.get(0).id + ") is already waiting for this device.");
        }
        DeviceCommand command = new DeviceCommand();
        command.id = UUID.randomUUID();
        command.deviceId = deviceId;
        command.type = type;
        command.message = type == DeviceCommand.Type.LOCK
                ? (request.message() == null ? settings.lockMessage() : request.message())
                : null;
        command.status = DeviceCommand.Status.PENDING;
        command.issuedBy = actor;
        command.reason = request.reason();
        command.createdAt = clock.now();
        commands.persistAndFlush(command);
        LOG.infof("%s issued %s command %s for device %s", actor, type, command.id, deviceId);
        return command;
    }

    /** The device's latest commands, newest first; NotFound for a device the read model does not know. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeviceCommand> list(UUID deviceId) {
        if (devices.findByIdOptional(deviceId).isEmpty()) {
            throw new NotFoundException("device", deviceId.toString());
        }
        return commands.latest(deviceId, MAX_LISTED);
    }

    /** IT cancels a command the device has not received yet. */
    public DeviceCommand cancel(UUID deviceId, UUID commandId, String actor) {
        DeviceCommand command = commands.findById(commandId, LockModeType.PESSIMISTIC_WRITE);
        if (command == null || !command.deviceId.equals(deviceId)) {
            throw new NotFoundException("command", commandId.toString());
        }
        if (command.status == DeviceCommand.Status.CANCELLED) {
            return command;
        }
        if (command.status != DeviceCommand.Status.PENDING) {
            throw ConflictException.of(
                    "command-not-pending",
                    "The command is " + command.status + "; only a PENDING command (not yet sent to the device) can be"
                            + " cancelled.");
        }
        command.status = DeviceCommand.Status.CANCELLED;
        command.cancelledAt = clock.now();
        command.cancelledBy = actor;
        return command;
    }

    /**
     * A loss report queues LOCK (with the district's return message) and LOCATE, each once; for a personal device only
     * while approved and when its owner consented to them at approval (else nothing: a personal device is not the
     * district's to lock or locate). A device the read model does not know yet is queued for as before; should its
     * snapshot show a personal device without that consent, the read model cancels them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lossReported(UUID deviceId, String reportNumber, String reportedBy) {
        Device device = devices.findById(deviceId);
        if (device != null && !PersonalDeviceRules.lockAndLocateAllowed(device)) {
            LOG.infof(
                    "Loss report %s of personal device %s queues no LOCK or LOCATE: its owner did not consent to them"
                            + " or its approval is not in force",
                    reportNumber, deviceId);
            return;
        }
        Instant now = clock.now();
        for (DeviceCommand.Type type : List.of(DeviceCommand.Type.LOCK, DeviceCommand.Type.LOCATE)) {
            commands.queueOnce(
                    deviceId,
                    type,
                    type == DeviceCommand.Type.LOCK ? settings.lockMessage() : null,
                    "loss-report:" + reportedBy,
                    "Loss report " + reportNumber,
                    now);
        }
    }

    /**
     * The device was found: its open commands are cancelled and its stored locations purged; a device manager that
     * disabled it for the district enables it again at its next sync.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recovered(UUID deviceId, String recordedBy) {
        Instant now = clock.now();
        // The device's row first, then its commands: the order the read model's writes and the check-in writer take
        // them in, so a recovery and a snapshot of the same device never deadlock.
        devices.clearLostMarks(deviceId);
        // Cancelling before the re-enable locks the commands, so a sync recording a disable it was sending (the LOCK
        // being cancelled here) commits before the re-enable is asked for, and is seen by it.
        int cancelled = commands.cancelOpen(deviceId, "recovery:" + recordedBy, now);
        try {
            mdmDevices.requestReenable(deviceId);
        } catch (SQLException e) {
            throw new IllegalStateException("Recovery of " + deviceId + " not recorded for the device managers", e);
        }
        int purged = locations.purge(deviceId);
        LOG.infof("Device %s recovered: %d commands cancelled, %d locations purged", deviceId, cancelled, purged);
    }
}
