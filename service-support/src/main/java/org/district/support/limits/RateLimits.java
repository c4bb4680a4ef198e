package org.district.support.limits;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.district.support.metrics.Meters;
import org.district.support.problem.ProblemException;

/**
 * Token buckets, one per (limit, caller): a caller may make {@code burst} requests at once and {@code per-minute}
 * sustained; beyond that it is told how long to wait. A shared limit (the default) keeps its buckets in the service's
 * database, so that all replicas together give a caller its allowance once ({@link SharedBuckets}); a limit set
 * {@code shared=false} keeps them in this replica's memory, costing no database statement, and with n replicas behind a
 * balancer a caller gets up to n times it (the ingress limits per client address in front of them). A bucket in memory
 * that has filled up again says nothing and is dropped, so memory follows the callers of the last seconds, not every
 * device or person ever seen.
 */
@ApplicationScoped
public class RateLimits {

    private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

    @Inject
    RateLimitSettings settings;

    @Inject
    MeterRegistry registry;

    @Inject
    Instance<AgroalDataSource> dataSource;

    private volatile SharedBuckets shared;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();
    private LongSupplier clock = System::nanoTime;

    /** For tests of the arithmetic: a clock in nanoseconds. */
    RateLimits withClock(LongSupplier nanos) {
        this.clock = nanos;
        return this;
    }

    /**
     * Takes one request of {@code caller} under the limit {@code name}: empty when it may go ahead, or the whole
     * seconds to wait before the next one would be allowed.
     */
    public OptionalLong take(String name, String caller) {
        RateLimitSettings.Limit limit = settings.limits().get(name);
        if (limit == null || caller == null) {
            return OptionalLong.empty();
        }
        String key = caller.toLowerCase(Locale.ROOT);
        OptionalLong wait = limit.shared() ? shared().take(name, key, limit) : takeHere(name, key, limit);
        if (wait.isPresent()) {
            refusals.computeIfAbsent(
                            name,
                            n -> Meters.counter(
                                    registry,
                                    "district.rate.limited",
                                    "Requests refused because their caller exceeded a rate limit",
                                    "limit",
                                    n))
                    .increment();
        }
        return wait;
    }

    /** Takes from this replica's own bucket of the caller. */
    private OptionalLong takeHere(String name, String caller, RateLimitSettings.Limit limit) {
        long now = clock.getAsLong();
        sweep(now);
        double perNano = limit.perMinute() / 60e9;
        Bucket bucket = buckets.computeIfAbsent(name + '\u0000' + caller, k -> new Bucket(limit, now));
        synchronized (bucket) {
            bucket.refill(now, perNano);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return OptionalLong.empty();
            }
            double seconds = (1 - bucket.tokens) / perNano / 1e9;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(seconds)));
        }
    }

    private SharedBuckets shared() {
        SharedBuckets buckets = shared;
        if (buckets == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = new SharedBuckets(dataSource.get());
                }
                buckets = shared;
            }
        }
        return buckets;
    }

    /** Takes one request, or throws the 429 problem that tells the caller how long to wait. */
    public void takeOrRefuse(String name, String caller, String what) {
        OptionalLong wait = take(name, caller);
        if (wait.isPresent()) {
            throw ProblemException.tooManyRequests(what, wait.getAsLong());
        }
    }

    /** Drops buckets that are full again, at most once a second, by whichever request comes first. */
    private void sweep(long now) {
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY_NANOS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                bucket.refill(now, bucket.limit.perMinute() / 60e9);
                return bucket.tokens >= bucket.limit.burst();
            }
        });
    }

    /** Buckets held now (for tests). */
    int held() {
        return buckets.size();
    }

    private static final class Bucket {
        final RateLimitSettings.Limit limit;
        double tokens;
        long updated;

        Bucket(RateLimitSettings.Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.updated = now;
        }

        void refill(long now, double perNano) {
            if (now > updated) {
                tokens = Math.min(limit.burst(), tokens + (now - updated) * perNano);
                updated = now;
            }
        }
    }
}
