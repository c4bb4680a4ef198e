package org.district.agent;

import java.time.Duration;

/** Waits. The real one is {@link Thread#sleep}; tests advance a clock instead. */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration}; interrupted when the agent is stopping. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real sleeper. */
    static Sleeper system() {
        return d -> Thread.sleep(Math.max(0, d.toMillis()));
    }
}
