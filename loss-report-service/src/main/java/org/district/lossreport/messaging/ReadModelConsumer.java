package org.district.lossreport.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.lossreport.config.LossReportSettings;
import org.district.lossreport.service.ReadModelService;
import org.district.support.messaging.ConsumedEvent;
import org.district.support.messaging.ConsumerSpec;
import org.district.support.messaging.EventConsumers;
import org.district.support.messaging.EventProcessor;

/**
 * Keeps the device and person read models up to date from inventory-service's snapshot topics (consumer group
 * {@value #DEFAULT_GROUP}). Snapshots may arrive twice or out of order: each upsert keeps the highest version, so no
 * inbox is needed. To rebuild the read models from the compacted topics, start with a new group name.
 */
@ApplicationScoped
public class ReadModelConsumer {

    static final String DEFAULT_GROUP = "lossreport-read-model";

    @Inject
    EventConsumers consumers;

    @Inject
    ReadModelService readModel;

    @Inject
    LossReportSettings settings;

    void start(@Observes StartupEvent event) {
        if (settings.consumersEnabled()) {
            consumers.start(
                    ConsumerSpec.inventorySnapshots(settings.readModelGroup(), 500),
                    EventProcessor.eachOf(this::apply));
        }
    }

    void apply(ConsumedEvent event) {
        if (DeviceSnapshot.TYPE.equals(event.eventType())) {
            readModel.apply(event.data(DeviceSnapshot.class));
        } else if (PersonSnapshot.TYPE.equals(event.eventType())) {
            readModel.apply(event.data(PersonSnapshot.class));
        }
    }
}
