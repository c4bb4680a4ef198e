package org.district.support.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes published outbox events and remembered consumer event ids once they are past their retention. One replica
 * does it at a time (advisory lock); the others skip that round.
 */
@ApplicationScoped
public class OutboxJanitor {

    private static final Logger LOG = Logger.getLogger(OutboxJanitor.class);
    private static final long JANITOR_LOCK = 0x6A616E69746F72L;
    private static final int CHUNK = 10_000;

    @Inject
    EntityManager em;

    @Inject
    OutboxSettings settings;

    @Scheduled(
            every = "${district.outbox.cleanup-every:15m}",
            delay = 1,
            delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanUp() {
        Instant outboxCutoff = Instant.now().minus(settings.retention());
        Instant inboxCutoff = Instant.now().minus(settings.inboxRetention());
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> {
                boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                        .setParameter(1, JANITOR_LOCK)
                        .getSingleResult();
                if (!locked) {
                    return 0;
                }
                int outbox = em.createNativeQuery("delete from outbox_event where seq in (select seq from outbox_event"
                                + " where published_at < ?1 order by seq limit ?2)")
                        .setParameter(1, outboxCutoff)
                        .setParameter(2, CHUNK)
                        .executeUpdate();
                int inbox = em.createNativeQuery("delete from processed_event where ctid in (select ctid from"
                                + " processed_event where processed_at < ?1 limit ?2)")
                        .setParameter(1, inboxCutoff)
                        .setParameter(2, CHUNK)
                        .executeUpdate();
                return outbox + inbox;
            });
            if (deleted > 0) {
                LOG.debugf("Removed %d expired outbox and inbox rows", deleted);
            }
        } while (deleted >= CHUNK);
    }
}
