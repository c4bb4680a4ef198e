package org.district.lossreport.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.district.contracts.Topics;
import org.district.lossreport.notify.NotificationRoutes;

/**
 * Consumer group {@value #GROUP}: tells IT of reports and their closing, check-in alerts and overdue returns (see
 * {@link NotificationRoutes}).
 */
@ApplicationScoped
public class ItNotifier extends NotifierConsumer {

    public static final String GROUP = NotificationRoutes.IT_NOTIFIER;

    ItNotifier() {
        super(GROUP, Topics.LOSS_REPORTS, Topics.DEVICE_ALERTS, Topics.RETURN_TASKS);
    }
}
