package org.district.inventory.health;

import io.smallrye.health.api.Wellness;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.district.support.kafka.KafkaClients;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether the Kafka broker answers, shown in {@code /q/health} (and {@code /q/health/well}) within a few seconds.
 *
 * <p>It is deliberately not a readiness check: while the broker is down the registry keeps accepting changes, whose
 * events wait in the outbox until the relay can publish them. A readiness check on Kafka would take every replica out
 * of service during a broker outage, which is exactly when the outbox is meant to carry on.
 */
@Wellness
@ApplicationScoped
public class KafkaConnection implements HealthCheck {

    static final String NAME = "Kafka connection";
    private static final int TIMEOUT_MILLIS = 3000;

    @Inject
    KafkaClients clients;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            Collection<Node> nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
                    .nodes()
                    .get(TIMEOUT_MILLIS + 1000L, TimeUnit.MILLISECONDS);
            return response.up().withData("brokers", nodes.size()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        } catch (Exception e) {
            return response.down()
                    .withData("reason", "The broker did not answer; changes wait in the outbox until it is back.")
                    .build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = clients.admin();
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
