package org.district.checkin.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.district.checkin.entity.DeviceLocation;

/** Where missing devices said they were (written in bulk by the check-in writer, see CheckInRepository). */
@ApplicationScoped
public class DeviceLocationRepository implements PanacheRepositoryBase<DeviceLocation, Long> {

    /** The device's stored locations, newest first. */
    public List<DeviceLocation> newest(UUID deviceId, int limit) {
        return getEntityManager()
                .createQuery(
                        "from DeviceLocation where deviceId = ?1 order by seenAt desc, id desc", DeviceLocation.class)
                .setParameter(1, deviceId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Deletes every stored location of the device; returns how many. */
    public int purge(UUID deviceId) {
        return getEntityManager()
                .createNativeQuery("delete from device_location where device_id = ?1")
                .setParameter(1, deviceId)
                .executeUpdate();
    }
}
