package org.district.support.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.district.support.outbox.OutboxRelay;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The broker in health: a wellness check ({@code /q/health/well}) that says at once whether Kafka answers, for
 * monitoring, and a readiness check ({@code /q/health/ready}) that fails only once the broker has been unreachable for
 * longer than a grace period.
 *
 * <p>Why the grace: while the broker is down every change still commits, its events waiting in the outbox. Failing
 * readiness at once would take every replica out of service during a short broker outage, exactly when the outbox is
 * meant to carry the district through; failing it after a long one sends traffic elsewhere (other replicas, other
 * zones) and tells the orchestrator something is really wrong.
 */
public final class KafkaHealthChecks {

    /** Name of the immediate check. */
    public static final String CONNECTION = "Kafka connection";

    /** Name of the readiness check. */
    public static final String READINESS = "Kafka broker";

    private KafkaHealthChecks() {}

    /** Whether a broker unreachable since {@code since} still counts as ready at {@code now}. */
    public static boolean withinGrace(Instant since, Instant now, Duration grace) {
        return since == null || Duration.between(since, now).compareTo(grace) <= 0;
    }

    /** Says at once whether Kafka answers. */
    @Wellness
    @ApplicationScoped
    public static class Connection implements HealthCheck {

        @Inject
        KafkaBrokerMonitor monitor;

        @Inject
        OutboxRelay relay;

        @Override
        public HealthCheckResponse call() {
            KafkaBrokerMonitor.State state = monitor.state();
            HealthCheckResponseBuilder response =
                    HealthCheckResponse.named(CONNECTION).withData("outboxBacklog", relay.backlog());
            if (state != null && state.reachable()) {
                return response.up().withData("brokers", state.brokers()).build();
            }
            return response.down()
                    .withData("reason", "The broker does not answer; events wait in the outbox until it is back.")
                    .withData("unreachableSince", state == null ? "startup" : String.valueOf(state.unreachableSince()))
                    .build();
        }
    }

    /** Fails readiness only after the broker has been unreachable for longer than the grace period. */
    @Readiness
    @ApplicationScoped
    public static class Broker implements HealthCheck {

        @Inject
        KafkaBrokerMonitor monitor;

        @Inject
        OutboxRelay relay;

        /** How long the service stays ready while the broker is unreachable (its outbox holds the events). */
        @Inject
        HealthSettings settings;

        @Override
        public HealthCheckResponse call() {
            KafkaBrokerMonitor.State state = monitor.state();
            Instant since = state == null ? null : (state.reachable() ? null : state.unreachableSince());
            HealthCheckResponseBuilder response = HealthCheckResponse.named(READINESS)
                    .withData("reachable", state != null && state.reachable())
                    .withData("outboxBacklog", relay.backlog())
                    .withData("graceSeconds", settings.kafkaReadinessGrace().toSeconds());
            if (since != null) {
                response.withData("unreachableSince", since.toString());
            }
            return withinGrace(since, Instant.now(), settings.kafkaReadinessGrace())
                    ? response.up().build()
                    : response.down().build();
        }
    }
}
