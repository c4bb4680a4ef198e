package org.district.lossreport.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.district.contracts.Topics;
import org.district.lossreport.notify.NotificationRoutes;

/**
 * Consumer group {@value #GROUP}: tells the people responsible for a device's holder of its loss, and departing people
 * and their supervisors of the devices to return (see {@link NotificationRoutes}).
 */
@ApplicationScoped
public class SupervisorNotifier extends NotifierConsumer {

    public static final String GROUP = NotificationRoutes.SUPERVISOR_NOTIFIER;

    SupervisorNotifier() {
        super(GROUP, Topics.LOSS_REPORTS, Topics.RETURN_TASKS);
    }
}
