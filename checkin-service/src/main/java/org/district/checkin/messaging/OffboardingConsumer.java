package org.district.checkin.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.district.checkin.config.CheckInSettings;
import org.district.checkin.service.OffboardingRequest;
import org.district.checkin.service.OffboardingService;
import org.district.contracts.Topics;
import org.district.contracts.hr.OffboardingRequested;
import org.district.support.messaging.ConsumedEvent;
import org.district.support.messaging.ConsumerSpec;
import org.district.support.messaging.EventConsumers;
import org.district.support.messaging.EventProcessor;

/**
 * Offboarding requests from HR systems (consumer group {@value #GROUP}, deduplicated), handled exactly like the REST
 * endpoint. A request naming a person the read model does not know fails and, after the consumer's retries, is kept
 * in consumer_dead_letter for IT to replay once the person's snapshot has arrived.
 */
@ApplicationScoped
public class OffboardingConsumer {

    static final String GROUP = "checkin-offboardings";

    @Inject
    EventConsumers consumers;

    @Inject
    OffboardingService offboardings;

    @Inject
    CheckInSettings settings;

    void start(@Observes StartupEvent event) {
        if (settings.consumersEnabled()) {
            consumers.start(ConsumerSpec.of(GROUP, Topics.OFFBOARDINGS), EventProcessor.eachOf(this::apply));
        }
    }

    void apply(ConsumedEvent event) {
        if (OffboardingRequested.TYPE.equals(event.eventType())) {
            OffboardingRequested request = event.data(OffboardingRequested.class);
            offboardings.offboard(
                    new OffboardingRequest(request.personId(), request.districtId(), request.lastWorkingDay()),
                    request.requestedBy() == null ? "hr-system" : "hr-system:" + request.requestedBy(),
                    "KAFKA");
        }
    }
}
