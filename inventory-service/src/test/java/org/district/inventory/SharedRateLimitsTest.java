package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.district.support.limits.RateLimitSettings;
import org.district.support.limits.SharedBuckets;
import org.junit.jupiter.api.Test;

/**
 * The rate limits' buckets in the database, as several replicas of the service use them: each replica holds its own
 * {@link SharedBuckets} over the same database, and together they give a caller its allowance once.
 */
@QuarkusTest
class SharedRateLimitsTest {

    /** Five at once, then one every ten seconds. */
    private static final RateLimitSettings.Limit LIMIT = limit(6);

    /** Five at once, then one every hundred minutes: nothing comes back while a test runs. */
    private static final RateLimitSettings.Limit SLOW = limit(0.01);

    private static RateLimitSettings.Limit limit(double perMinute) {
        return new RateLimitSettings.Limit() {
            @Override
            public double perMinute() {
                return perMinute;
            }

            @Override
            public int burst() {
                return 5;
            }

            @Override
            public boolean shared() {
                return true;
            }
        };
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoReplicasGiveACallerItsBurstOnceAndThenItsRate() throws Exception {
        // Alternating between the replicas: five, then a wait of about ten seconds on both.
        SharedBuckets first = new SharedBuckets(dataSource);
        SharedBuckets second = new SharedBuckets(dataSource);
        String caller = Api.unique("caller");
        for (int i = 0; i < 5; i++) {
            SharedBuckets replica = i % 2 == 0 ? first : second;
            assertThat(replica.take("test-limit", caller, LIMIT))
                    .as("request %d", i + 1)
                    .isEmpty();
        }
        OptionalLong wait = second.take("test-limit", caller, LIMIT);
        assertThat(wait).as("the sixth, on either replica").isPresent();
        assertThat(wait.getAsLong()).as("seconds to wait").isBetween(8L, 10L);
        assertThat(first.take("test-limit", caller, LIMIT)).isPresent();
        assertThat(first.take("test-limit", Api.unique("other"), LIMIT))
                .as("another caller has a bucket of their own")
                .isEmpty();

        // Thirty seconds later (the bucket's clock moved back instead of waiting): three more, then a wait again.
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("update rate_limit_bucket"
                        + " set updated_at = updated_at - interval '30 seconds' where name = ? and caller = ?")) {
            statement.setString(1, "test-limit");
            statement.setString(2, caller);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
        for (int i = 0; i < 3; i++) {
            assertThat((i % 2 == 0 ? second : first).take("test-limit", caller, LIMIT))
                    .as("after thirty seconds, request %d", i + 1)
                    .isEmpty();
        }
        assertThat(first.take("test-limit", caller, LIMIT)).isPresent();
    }

    @Test
    void requestsRacingOnFourReplicasAreAllowedExactlyTheBurst() throws Exception {
        List<SharedBuckets> replicas = List.of(
                new SharedBuckets(dataSource),
                new SharedBuckets(dataSource),
                new SharedBuckets(dataSource),
                new SharedBuckets(dataSource));
        String caller = Api.unique("racer");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> requests = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SharedBuckets replica = replicas.get(i % replicas.size());
                requests.add(() -> replica.take("test-race", caller, SLOW).isEmpty());
            }
            int allowed = 0;
            for (Future<Boolean> answer : pool.invokeAll(requests)) {
                allowed += answer.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
