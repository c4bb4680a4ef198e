package org.district.lossreport.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.district.contracts.Topics;
import org.district.lossreport.notify.NotificationRoutes;

/**
 * Consumer group {@value #GROUP}: tells the people responsible for a device's holder of its loss, departing people and
 * their supervisors of the devices to return, and the owners of personal devices and their schools' approvers of each
 * step of an approval (see {@link NotificationRoutes}). A personal device's request goes to IT's mailbox only when the
 * school has no approver to ask, a choice made here, once per step, with the rest of the step's messages.
 */
@ApplicationScoped
public class SupervisorNotifier extends NotifierConsumer {

    public static final String GROUP = NotificationRoutes.SUPERVISOR_NOTIFIER;

    SupervisorNotifier() {
        super(GROUP, Topics.LOSS_REPORTS, Topics.RETURN_TASKS, Topics.PERSONAL_DEVICES);
    }
}
