package org.district.checkin.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Values kept for a while and refreshed behind the callers' backs, on a clock the test moves. */
class FreshEnoughTest {

    private final AtomicLong clock = new AtomicLong();
    private final List<Runnable> queued = new ArrayList<>();
    private final AtomicInteger computed = new AtomicInteger();

    private FreshEnough<String, Integer> cache(Duration maxAge, int maxKeys) {
        return new FreshEnough<>(maxAge, maxKeys, queued::add, clock::get);
    }

    private Integer count(String key) {
        return computed.incrementAndGet();
    }

    @Test
    void computesOnceThenServesTheKeptValueUntilItIsOld() {
        FreshEnough<String, Integer> counts = cache(Duration.ofSeconds(30), 10);
        assertThat(counts.get("all", this::count)).isEqualTo(1);
        clock.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(counts.get("all", this::count)).isEqualTo(1);
        assertThat(computed).hasValue(1);
        assertThat(queued).isEmpty();
    }

    @Test
    void anOldValueIsServedOnceMoreWhileOneRefreshReplacesIt() {
        FreshEnough<String, Integer> counts = cache(Duration.ofSeconds(30), 10);
        counts.get("all", this::count);
        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(counts.get("all", this::count)).as("served at once").isEqualTo(1);
        assertThat(counts.get("all", this::count)).isEqualTo(1);
        assertThat(queued).as("one refresh, however many callers").hasSize(1);
        queued.remove(0).run();
        assertThat(counts.get("all", this::count)).isEqualTo(2);
        assertThat(queued).isEmpty();
    }

    @Test
    void aValueFarTooOldIsComputedByTheCaller() {
        FreshEnough<String, Integer> counts = cache(Duration.ofSeconds(30), 10);
        counts.get("all", this::count);
        clock.addAndGet(Duration.ofSeconds(301).toNanos());
        assertThat(counts.get("all", this::count)).isEqualTo(2);
        assertThat(queued).isEmpty();
    }

    @Test
    void eachKeyIsKeptApartAndKeysBeyondTheLimitAreComputedEveryTime() {
        FreshEnough<String, Integer> counts = cache(Duration.ofSeconds(30), 1);
        assertThat(counts.get("LINCOLN-HS", this::count)).isEqualTo(1);
        assertThat(counts.get("made-up", this::count)).isEqualTo(2);
        assertThat(counts.get("made-up", this::count)).isEqualTo(3);
        assertThat(counts.get("LINCOLN-HS", this::count)).isEqualTo(1);
    }

    @Test
    void aZeroAgeComputesEveryTime() {
        FreshEnough<String, Integer> counts = cache(Duration.ZERO, 10);
        counts.get("all", this::count);
        counts.get("all", this::count);
        assertThat(computed).hasValue(2);
    }
}
