package org.district.checkin.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.checkin.entity.DeviceCommand;

/** Commands for devices: a device's list, its open command of a type, queueing one once, cancelling the open ones. */
@ApplicationScoped
public class DeviceCommandRepository implements PanacheRepositoryBase<DeviceCommand, UUID> {

    private static final List<DeviceCommand.Status> OPEN =
            List.of(DeviceCommand.Status.PENDING, DeviceCommand.Status.DELIVERED);

    /** The device's open (PENDING or DELIVERED) commands of the type. */
    public List<DeviceCommand> open(UUID deviceId, DeviceCommand.Type type) {
        return getEntityManager()
                .createQuery(
                        "from DeviceCommand where deviceId = ?1 and type = ?2 and status in ?3", DeviceCommand.class)
                .setParameter(1, deviceId)
                .setParameter(2, type)
                .setParameter(3, OPEN)
                .getResultList();
    }

    /** The device's latest commands, newest first. */
    public List<DeviceCommand> latest(UUID deviceId, int limit) {
        return getEntityManager()
                .createQuery("from DeviceCommand where deviceId = ?1 order by createdAt desc, id", DeviceCommand.class)
                .setParameter(1, deviceId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Queues a PENDING command unless the device already has an open one of the type (then nothing changes). */
    public void queueOnce(
            UUID deviceId, DeviceCommand.Type type, String message, String issuedBy, String reason, Instant now) {
        getEntityManager()
                .createNativeQuery(
                        "insert into device_command (id, device_id, type, message, status, issued_by, reason,"
                                + " created_at) values (?1, ?2, ?3, ?4, 'PENDING', ?5, ?6, ?7)"
                                + " on conflict (device_id, type) where status in ('PENDING', 'DELIVERED') do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, deviceId)
                .setParameter(3, type.name())
                .setParameter(4, message)
                .setParameter(5, issuedBy)
                .setParameter(6, reason)
                .setParameter(7, now)
                .executeUpdate();
    }

    /** Cancels every open command of the device; returns how many. */
    public int cancelOpen(UUID deviceId, String cancelledBy, Instant now) {
        return getEntityManager()
                .createNativeQuery("update device_command set status = 'CANCELLED', cancelled_at = ?1,"
                        + " cancelled_by = ?2 where device_id = ?3 and status in ('PENDING', 'DELIVERED')")
                .setParameter(1, now)
                .setParameter(2, cancelledBy)
                .setParameter(3, deviceId)
                .executeUpdate();
    }
}
