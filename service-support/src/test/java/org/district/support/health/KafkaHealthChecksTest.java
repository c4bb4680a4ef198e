package org.district.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KafkaHealthChecksTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(2);

    @Test
    void aReachableBrokerIsReady() {
        assertThat(KafkaHealthChecks.withinGrace(null, NOW, GRACE)).isTrue();
    }

    @Test
    void aShortOutageKeepsTheServiceReady() {
        assertThat(KafkaHealthChecks.withinGrace(NOW.minusSeconds(60), NOW, GRACE))
                .isTrue();
        assertThat(KafkaHealthChecks.withinGrace(NOW.minus(GRACE), NOW, GRACE)).isTrue();
    }

    @Test
    void anOutageLongerThanTheGraceFailsReadiness() {
        assertThat(KafkaHealthChecks.withinGrace(NOW.minus(GRACE).minusSeconds(1), NOW, GRACE))
                .isFalse();
    }
}
