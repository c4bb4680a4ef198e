package org.district.checkin.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.district.checkin.config.CheckInSettings;
import org.district.checkin.service.CommandService;
import org.district.contracts.Topics;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReported;
import org.district.support.messaging.ConsumedEvent;
import org.district.support.messaging.ConsumerSpec;
import org.district.support.messaging.EventConsumers;
import org.district.support.messaging.EventProcessor;

/**
 * Reacts to loss reports (consumer group {@value #GROUP}, deduplicated): a new report queues LOCK and LOCATE for the
 * device; a recovery cancels its open commands and purges its stored locations. Other report events change nothing
 * here (the device's status arrives with inventory's snapshot).
 */
@ApplicationScoped
public class LossReportConsumer {

    static final String GROUP = "checkin-loss-reports";

    @Inject
    EventConsumers consumers;

    @Inject
    CommandService commands;

    @Inject
    CheckInSettings settings;

    void start(@Observes StartupEvent event) {
        if (settings.consumersEnabled()) {
            consumers.start(ConsumerSpec.of(GROUP, Topics.LOSS_REPORTS), EventProcessor.eachOf(this::apply));
        }
    }

    void apply(ConsumedEvent event) {
        if (LossReported.TYPE.equals(event.eventType())) {
            LossReported report = event.data(LossReported.class);
            if (report.deviceId() != null) {
                commands.lossReported(report.deviceId(), report.reportNumber(), report.reportedBy());
            }
        } else if (LossReportRecovered.TYPE.equals(event.eventType())) {
            LossReportRecovered recovered = event.data(LossReportRecovered.class);
            if (recovered.deviceId() != null) {
                commands.recovered(recovered.deviceId(), recovered.recordedBy());
            }
        }
    }
}
