package org.district.lossreport.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.district.lossreport.config.LossReportSettings;
import org.district.lossreport.notify.NotificationRoutes;
import org.district.support.messaging.ConsumerSpec;
import org.district.support.messaging.EventConsumers;
import org.district.support.messaging.EventProcessor;

/**
 * A consumer group that tells people of events: each event it reads goes through the routing table for its group, and
 * the notifications are written in the transaction that records the event as processed.
 */
abstract class NotifierConsumer {

    private final String group;
    private final String[] topics;

    @Inject
    EventConsumers consumers;

    @Inject
    NotificationRoutes routes;

    @Inject
    LossReportSettings settings;

    NotifierConsumer(String group, String... topics) {
        this.group = group;
        this.topics = topics;
    }

    void onStart(@Observes StartupEvent event) {
        if (settings.consumersEnabled()) {
            start();
        }
    }

    /** Starts the group's consumer (also used to restart it after {@link EventConsumers#stopGroup}). */
    public void start() {
        consumers.start(ConsumerSpec.of(group, topics), EventProcessor.eachOf(event -> routes.tell(group, event)));
    }
}
