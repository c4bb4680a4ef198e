package org.district.support.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the current transaction has committed, and not at all if it rolls back: how a writer wakes the
 * worker that acts on what it wrote (the outbox relay, the notification delivery) without waiting for its next poll,
 * and without waking it for rows that never became visible.
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Runs {@code action} after the current transaction commits. Calls with the same {@code key} in one transaction
     * register the action once: a transaction that writes a thousand rows wakes the worker once.
     */
    public void once(Object key, Runnable action) {
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
                    action.run();
                }
            }
        });
    }
}
