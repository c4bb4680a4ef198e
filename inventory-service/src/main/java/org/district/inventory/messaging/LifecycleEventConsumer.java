package org.district.inventory.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.district.contracts.Topics;
import org.district.contracts.checkin.DeviceReturned;
import org.district.contracts.checkin.PersonalDeviceAccessRemoved;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReportUpdated;
import org.district.contracts.lossreport.LossReportWrittenOff;
import org.district.contracts.lossreport.LossReported;
import org.district.inventory.config.InventorySettings;
import org.district.inventory.service.LifecycleEventService;
import org.district.inventory.service.PersonalDeviceService;
import org.district.support.messaging.ConsumedEvent;
import org.district.support.messaging.ConsumerSpec;
import org.district.support.messaging.EventConsumers;
import org.district.support.messaging.EventProcessor;

/**
 * Consumes loss-report and return-task events, and the personal devices whose access checkin-service ended (consumer
 * group {@code inventory-lifecycle} unless {@code district.inventory.consumers.group} says otherwise). Each goes to
 * {@link LifecycleEventService}, which applies the device status change it drives, or to
 * {@link PersonalDeviceService}, which records the end of a personal device's access. Other event types on these
 * topics are not this service's business and are skipped.
 */
@ApplicationScoped
public class LifecycleEventConsumer {

    @Inject
    EventConsumers consumers;

    @Inject
    LifecycleEventService lifecycle;

    @Inject
    PersonalDeviceService personalDevices;

    @Inject
    InventorySettings settings;

    void start(@Observes StartupEvent event) {
        if (settings.consumers().enabled()) {
            consumers.start(
                    ConsumerSpec.of(
                            settings.consumers().group(),
                            Topics.LOSS_REPORTS,
                            Topics.RETURN_TASKS,
                            Topics.PERSONAL_DEVICE_ACCESS),
                    EventProcessor.eachOf(this::apply));
        }
    }

    void apply(ConsumedEvent event) {
        if (event.eventType() == null) {
            return;
        }
        switch (event.eventType()) {
            case LossReported.TYPE -> lifecycle.lossReported(event.data(LossReported.class), event.eventId());
            case LossReportUpdated.TYPE -> lifecycle.lossReportUpdated(
                    event.data(LossReportUpdated.class), event.eventId());
            case LossReportRecovered.TYPE -> lifecycle.recovered(
                    event.data(LossReportRecovered.class), event.eventId());
            case LossReportWrittenOff.TYPE -> lifecycle.writtenOff(
                    event.data(LossReportWrittenOff.class), event.eventId());
            case DeviceReturned.TYPE -> lifecycle.returned(event.data(DeviceReturned.class), event.eventId());
            case PersonalDeviceAccessRemoved.TYPE -> personalDevices.accessRemovedByCheckin(
                    event.data(PersonalDeviceAccessRemoved.class), event.eventId());
            default -> {
                // ReturnTaskOpened, ReturnTaskOverdue and future types do not change a device here.
            }
        }
    }
}
