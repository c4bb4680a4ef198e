package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.district.checkin.DeviceLocation;
import org.district.checkin.LocationRead;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.repository.DeviceRepository;
import org.district.support.problem.ProblemException;
import org.district.support.web.Correlation;

/** Reading a missing device's locations, and the record of every such read. */
@ApplicationScoped
@Transactional
public class LocationService {

    static final int MAX_LOCATIONS = 500;

    @Inject
    EntityManager em;

    @Inject
    DeviceRepository devices;

    @Inject
    DistrictClock clock;

    /** The device's stored locations, newest first; the read is recorded in the same transaction. */
    public List<DeviceLocation> read(UUID deviceId, String actor) {
        if (devices.findByIdOptional(deviceId).isEmpty()) {
            throw ProblemException.notFound("device", deviceId.toString());
        }
        List<DeviceLocation> locations = em.createQuery(
                        "from DeviceLocation where deviceId = ?1 order by seenAt desc, id desc", DeviceLocation.class)
                .setParameter(1, deviceId)
                .setMaxResults(MAX_LOCATIONS)
                .getResultList();
        LocationRead read = new LocationRead();
        read.deviceId = deviceId;
        read.readBy = actor;
        read.readAt = clock.now();
        read.locationsReturned = locations.size();
        read.correlationId = Correlation.current();
        em.persist(read);
        return locations;
    }

    /** Recorded location reads, newest first, optionally for one device, before the given id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LocationRead> reads(UUID deviceId, Long beforeId, int limit) {
        StringBuilder jpql = new StringBuilder("from LocationRead where 1 = 1");
        if (deviceId != null) {
            jpql.append(" and deviceId = :device");
        }
        if (beforeId != null) {
            jpql.append(" and id < :before");
        }
        jpql.append(" order by id desc");
        var query = em.createQuery(jpql.toString(), LocationRead.class).setMaxResults(limit + 1);
        if (deviceId != null) {
            query.setParameter("device", deviceId);
        }
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        return query.getResultList();
    }
}
