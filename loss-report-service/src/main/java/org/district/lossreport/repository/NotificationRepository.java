package org.district.lossreport.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.lossreport.Notification;
import org.district.lossreport.notify.DeliveryStatus;

/** Notification rows as IT reads them: filtered, newest first, in keyset pages. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** A position in the list: the last row of the previous page. */
    public record After(Instant createdAt, UUID id) {}

    public List<Notification> search(UUID reportId, DeliveryStatus status, After after, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (reportId != null) {
            q.append(" and reportId = :report");
            params.and("report", reportId);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (after != null) {
            q.append(" and (createdAt < :afterAt or (createdAt = :afterAt and id < :afterId))");
            params.and("afterAt", after.createdAt()).and("afterId", after.id());
        }
        q.append(" order by createdAt desc, id desc");
        return find(q.toString(), params).page(0, limit + 1).list();
    }
}
