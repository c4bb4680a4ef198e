package org.district.checkin.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.district.checkin.config.CheckInSettings;
import org.district.checkin.service.ReadModelService;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.support.messaging.ConsumedEvent;
import org.district.support.messaging.ConsumerSpec;
import org.district.support.messaging.EventConsumers;

/**
 * Keeps the device and person read models from inventory's snapshot topics (consumer group: CheckInSettings
 * readModelGroup, checkin-read-model unless configured). Snapshot
 * upserts are version-checked, so the group needs no inbox; large polls and one statement per batch let a fresh
 * replica absorb a million device snapshots quickly.
 */
@ApplicationScoped
public class ReadModelConsumer {

    @Inject
    EventConsumers consumers;

    @Inject
    ReadModelService updates;

    @Inject
    CheckInSettings settings;

    void start(@Observes StartupEvent event) {
        if (settings.consumersEnabled()) {
            consumers.start(
                    ConsumerSpec.inventorySnapshots(settings.readModelGroup(), settings.readModelMaxPollRecords()),
                    this::apply);
        }
    }

    void apply(List<ConsumedEvent> events) throws Exception {
        List<DeviceSnapshot> devices = new ArrayList<>();
        List<PersonSnapshot> people = new ArrayList<>();
        for (ConsumedEvent event : events) {
            if (DeviceSnapshot.TYPE.equals(event.eventType())) {
                devices.add(event.data(DeviceSnapshot.class));
            } else if (PersonSnapshot.TYPE.equals(event.eventType())) {
                people.add(event.data(PersonSnapshot.class));
            }
        }
        updates.people(people);
        updates.devices(devices);
    }
}
