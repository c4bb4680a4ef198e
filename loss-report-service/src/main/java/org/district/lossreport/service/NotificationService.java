package org.district.lossreport.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.district.lossreport.domain.DeliveryStatus;
import org.district.lossreport.entity.Notification;
import org.district.lossreport.repository.NotificationRepository;
import org.district.support.paging.Cursors;
import org.district.support.paging.PageView;

/** The record of every notification and its delivery, as IT and auditors read it. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NotificationService {

    @Inject
    NotificationRepository notifications;

    /** One page of deliveries, newest first, optionally of one report and in one status. */
    public PageView<Notification> search(UUID reportId, DeliveryStatus status, String cursor, int limit) {
        Cursors.Position position = Cursors.decode(cursor, 2);
        NotificationRepository.After after =
                position == null ? null : new NotificationRepository.After(position.instant(0), position.id(1));
        return PageView.of(
                notifications.search(reportId, status, after, limit),
                limit,
                n -> n,
                n -> Cursors.encode(n.createdAt, n.id));
    }
}
