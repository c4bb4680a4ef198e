package org.district.lossreport.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.lossreport.domain.Channel;
import org.district.lossreport.domain.DeliveryStatus;
import org.district.lossreport.entity.Notification;
import org.district.support.sql.NativeValues;

/**
 * Notification rows: written once per (event, recipient, channel), claimed for delivery with a lease ({@code FOR
 * UPDATE SKIP LOCKED}, so replicas never take the same row), their outcome recorded under the claim, and read by IT
 * newest first in keyset pages.
 */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private static final String INSERT = "insert into notification (id, event_id, event_type, consumer, report_id,"
            + " device_id, recipient, channel, subject, body, link, status, attempts, next_attempt_at, created_at,"
            + " updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'PENDING', 0, now(), now(), now())"
            + " on conflict (event_id, recipient, channel) do nothing";
    private static final String CLAIM = "update notification n set attempts = n.attempts + 1, claim_token = ?1,"
            + " next_attempt_at = now() + make_interval(secs => ?2), updated_at = now()"
            + " from (select id from notification where status in ('PENDING', 'RETRYING') and next_attempt_at <= now()"
            + " order by next_attempt_at limit ?3 for update skip locked) due"
            + " where n.id = due.id"
            + " returning n.id, n.event_id, n.event_type, n.report_id, n.device_id, n.recipient, n.channel,"
            + " n.subject, n.body, n.link, n.attempts";
    private static final String MARK_SENT = "update notification set status = 'SENT', sent_at = now(),"
            + " updated_at = now(), last_error = null, claim_token = null where id = ?1 and claim_token = ?2"
            + " returning created_at";
    private static final String MARK_RETRY = "update notification set status = 'RETRYING', last_error = ?3,"
            + " next_attempt_at = now() + make_interval(secs => ?4), updated_at = now(), claim_token = null"
            + " where id = ?1 and claim_token = ?2";
    private static final String MARK_FAILED = "update notification set status = 'FAILED', last_error = ?3,"
            + " failed_at = now(), updated_at = now(), claim_token = null where id = ?1 and claim_token = ?2"
            + " returning failed_at";
    private static final String NEXT_DUE =
            "select min(next_attempt_at) from notification" + " where status in ('PENDING', 'RETRYING')";

    /** A position in the list: the last row of the previous page. */
    public record After(Instant createdAt, UUID id) {}

    /**
     * Adds the notification (PENDING, due now) unless the same event already made one to this recipient through this
     * channel; true if it was added.
     */
    public boolean addIfAbsent(Notification n) {
        return getEntityManager()
                        .createNativeQuery(INSERT)
                        .setParameter(1, n.id)
                        .setParameter(2, n.eventId)
                        .setParameter(3, n.eventType)
                        .setParameter(4, n.consumer)
                        .setParameter(5, n.reportId)
                        .setParameter(6, n.deviceId)
                        .setParameter(7, n.recipient)
                        .setParameter(8, n.channel.name())
                        .setParameter(9, n.subject)
                        .setParameter(10, n.body)
                        .setParameter(11, n.link)
                        .executeUpdate()
                > 0;
    }

    /** Whether the consumer has recorded any message for the event (the unique index makes this one lookup). */
    public boolean anyFor(UUID eventId, String consumer) {
        return !getEntityManager()
                .createNativeQuery("select 1 from notification where event_id = ?1 and consumer = ?2 limit 1")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .getResultList()
                .isEmpty();
    }

    /**
     * Claims up to {@code limit} due notifications for {@code token}: counts the attempt and moves each row's next
     * attempt past the lease, so the rows of a worker that dies mid-delivery become due again.
     */
    @SuppressWarnings("unchecked")
    public List<Delivery> claim(UUID token, double leaseSeconds, int limit) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(CLAIM)
                .setParameter(1, token)
                .setParameter(2, leaseSeconds)
                .setParameter(3, limit)
                .getResultList();
        List<Delivery> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Delivery(
                    NativeValues.uuid(r[0]),
                    NativeValues.uuid(r[1]),
                    (String) r[2],
                    NativeValues.uuid(r[3]),
                    NativeValues.uuid(r[4]),
                    (String) r[5],
                    Channel.valueOf((String) r[6]),
                    (String) r[7],
                    (String) r[8],
                    (String) r[9],
                    ((Number) r[10]).intValue(),
                    token));
        }
        return out;
    }

    /** Marks a claimed delivery SENT; its creation time, or empty when the claim had already run out. */
    @SuppressWarnings("unchecked")
    public Optional<Instant> markSent(Delivery d) {
        List<Object> createdAt = getEntityManager()
                .createNativeQuery(MARK_SENT)
                .setParameter(1, d.id())
                .setParameter(2, d.claimToken())
                .getResultList();
        return createdAt.stream().findFirst().map(NativeValues::instant);
    }

    /** Schedules another attempt of a claimed delivery after {@code waitSeconds}. */
    public void markRetry(Delivery d, String error, double waitSeconds) {
        getEntityManager()
                .createNativeQuery(MARK_RETRY)
                .setParameter(1, d.id())
                .setParameter(2, d.claimToken())
                .setParameter(3, error)
                .setParameter(4, waitSeconds)
                .executeUpdate();
    }

    /** Marks a claimed delivery FAILED; the time it failed, or empty when the claim had already run out. */
    @SuppressWarnings("unchecked")
    public Optional<Instant> markFailed(Delivery d, String error) {
        List<Object> failedAt = getEntityManager()
                .createNativeQuery(MARK_FAILED)
                .setParameter(1, d.id())
                .setParameter(2, d.claimToken())
                .setParameter(3, error)
                .getResultList();
        return failedAt.stream().findFirst().map(NativeValues::instant);
    }

    /** When the earliest waiting notification is due; null when none waits. */
    public Instant nextDue() {
        return NativeValues.instant(
                getEntityManager().createNativeQuery(NEXT_DUE).getSingleResult());
    }

    /** One page, newest first; {@code limit + 1} rows are read so the caller knows whether more follow. */
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
