package org.district.checkin.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.district.checkin.entity.LocationRead;

/** The record of reads of missing devices' locations. */
@ApplicationScoped
public class LocationReadRepository implements PanacheRepositoryBase<LocationRead, Long> {

    /** Reads newest first, optionally of one device, before the given id; one row more than the limit. */
    public List<LocationRead> before(UUID deviceId, Long beforeId, int limit) {
        StringBuilder jpql = new StringBuilder("from LocationRead where 1 = 1");
        if (deviceId != null) {
            jpql.append(" and deviceId = :device");
        }
        if (beforeId != null) {
            jpql.append(" and id < :before");
        }
        jpql.append(" order by id desc");
        var query = getEntityManager()
                .createQuery(jpql.toString(), LocationRead.class)
                .setMaxResults(limit + 1);
        if (deviceId != null) {
            query.setParameter("device", deviceId);
        }
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        return query.getResultList();
    }
}
