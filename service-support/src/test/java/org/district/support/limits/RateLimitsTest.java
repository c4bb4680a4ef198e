package org.district.support.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.district.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The token buckets' arithmetic, on a clock the test moves. */
class RateLimitsTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private RateLimits limits(double perMinute, int burst) {
        RateLimits limits = new RateLimits();
        limits.settings = () -> Map.of("reports", new RateLimitSettings.Limit() {
            @Override
            public double perMinute() {
                return perMinute;
            }

            @Override
            public int burst() {
                return burst;
            }

            @Override
            public boolean shared() {
                return false;
            }
        });
        limits.registry = registry;
        return limits.withClock(now::get);
    }

    @Test
    void aCallerMayMakeTheBurstAtOnceThenWaitsForTheSustainedRate() {
        RateLimits limits = limits(6, 3); // one every 10 s
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take("reports", "pat")).as("request %d", i + 1).isEmpty();
        }
        assertThat(limits.take("reports", "pat")).hasValue(10);
        now.addAndGet(4 * SECOND);
        assertThat(limits.take("reports", "pat")).hasValue(6);
        now.addAndGet(6 * SECOND);
        assertThat(limits.take("reports", "pat")).isEmpty();
        assertThat(limits.take("reports", "pat")).hasValue(10);
        assertThat(registry.get("district.rate.limited")
                        .tag("limit", "reports")
                        .counter()
                        .count())
                .isEqualTo(3);
    }

    @Test
    void callersHaveTheirOwnAllowanceAndUnnamedLimitsDoNotApply() {
        RateLimits limits = limits(6, 1);
        assertThat(limits.take("reports", "pat")).isEmpty();
        assertThat(limits.take("reports", "pat")).isPresent();
        assertThat(limits.take("reports", "sam")).isEmpty();
        for (int i = 0; i < 100; i++) {
            assertThat(limits.take("imports", "pat")).isEmpty();
        }
    }

    @Test
    void theRefusalIsA429ThatSaysHowLongToWait() {
        RateLimits limits = limits(60, 1);
        limits.takeOrRefuse("reports", "pat", "loss reports");
        assertThatThrownBy(() -> limits.takeOrRefuse("reports", "pat", "loss reports"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(429);
                    assertThat(problem.headers()).containsEntry("Retry-After", "1");
                    assertThat(problem.getMessage()).contains("loss reports", "1 seconds");
                });
    }

    @Test
    void bucketsThatFilledUpAgainAreDropped() {
        RateLimits limits = limits(60, 2);
        for (int i = 0; i < 1_000; i++) {
            limits.take("reports", "device-" + i);
        }
        assertThat(limits.held()).isEqualTo(1_000);
        now.addAndGet(2 * SECOND);
        limits.take("reports", "device-0");
        assertThat(limits.held()).isEqualTo(1);
    }
}
