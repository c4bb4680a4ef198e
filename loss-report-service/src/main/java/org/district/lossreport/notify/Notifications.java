package org.district.lossreport.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.UUID;

/**
 * Records notifications in the caller's transaction. A consumer calls it in the transaction that also records the
 * event as processed, so a redelivered event neither adds nor loses a message; the unique (event, recipient, channel)
 * makes a second write of the same message a no-op in any case. After the commit the delivery worker is woken, so
 * messages leave at once instead of at the next poll.
 */
@ApplicationScoped
public class Notifications {

    private static final String INSERT = "insert into notification (id, event_id, event_type, consumer, report_id,"
            + " device_id, recipient, channel, subject, body, link, status, attempts, next_attempt_at, created_at,"
            + " updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'PENDING', 0, now(), now(), now())"
            + " on conflict (event_id, recipient, channel) do nothing";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    DeliveryWorker worker;

    /** Adds the message unless it exists; true if it was added. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(NotificationDraft draft) {
        String recipient = draft.channel() == Channel.EMAIL
                ? draft.recipient().trim().toLowerCase(Locale.ROOT)
                : draft.recipient();
        int inserted = em.createNativeQuery(INSERT)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, draft.eventId())
                .setParameter(3, draft.eventType())
                .setParameter(4, draft.consumer())
                .setParameter(5, draft.reportId())
                .setParameter(6, draft.deviceId())
                .setParameter(7, recipient)
                .setParameter(8, draft.channel().name())
                .setParameter(9, draft.message().subject())
                .setParameter(10, draft.message().body())
                .setParameter(11, draft.link())
                .executeUpdate();
        if (inserted > 0) {
            wakeWorkerAfterCommit();
        }
        return inserted > 0;
    }

    private void wakeWorkerAfterCommit() {
        Object key = Notifications.class;
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.wakeUp();
                }
            }
        });
    }
}
