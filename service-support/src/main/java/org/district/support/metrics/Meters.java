package org.district.support.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.ToDoubleFunction;

/**
 * The services' meters, registered one way: every meter has a description (operations.md lists them), every timer
 * publishes its median and 99th percentile. Tags come in name/value pairs.
 */
public final class Meters {

    private Meters() {}

    public static Counter counter(MeterRegistry registry, String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    public static Timer timer(MeterRegistry registry, String name, String description) {
        return Timer.builder(name)
                .description(description)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** A gauge that reads {@code value} of {@code source} when scraped; the registry keeps {@code source} weakly. */
    public static <T> void gauge(
            MeterRegistry registry, String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }
}
