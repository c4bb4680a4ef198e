package org.district.lossreport.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.UUID;
import org.district.lossreport.domain.Channel;
import org.district.lossreport.entity.Notification;
import org.district.lossreport.repository.NotificationRepository;
import org.district.support.tx.AfterCommit;

/**
 * Records notifications in the caller's transaction. A consumer calls it in the transaction that also records the
 * event as processed, so a redelivered event neither adds nor loses a message; the unique (event, recipient, channel)
 * makes a second write of the same message a no-op in any case. After the commit the delivery worker is woken, so
 * messages leave at once instead of at the next poll.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifications {

    @Inject
    NotificationRepository notifications;

    @Inject
    AfterCommit afterCommit;

    @Inject
    DeliveryWorker worker;

    /**
     * Adds the message unless the same event already made one to this recipient through this channel; true if it was
     * added. Its event, consumer, recipient, channel and words are given; the rest is filled in here.
     */
    public boolean add(Notification n) {
        n.id = UUID.randomUUID();
        if (n.channel == Channel.EMAIL) {
            n.recipient = n.recipient.trim().toLowerCase(Locale.ROOT);
        }
        boolean added = notifications.addIfAbsent(n);
        if (added) {
            afterCommit.once(Notifications.class, worker::wakeUp);
        }
        return added;
    }
}
