package org.district.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The transactional outbox relay. */
@ConfigMapping(prefix = "district.outbox")
public interface OutboxSettings {

    /** Run the relay in this process. Every replica may run it; they take turns through a database lock. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for new events when it has not been woken by a commit. */
    @WithDefault("250ms")
    Duration pollInterval();

    /**
     * The least time between the starts of two relay batches that publish, unless the first was full: events committed
     * close together leave in one Kafka transaction (each costs the broker several writes of its own) instead of one
     * each. The first batch after a quiet spell starts at once; 0 turns it off.
     */
    @WithDefault("50ms")
    Duration batchGap();

    /** Most events published in one relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long published events stay in the table (for inspection) before the janitor deletes them. */
    @WithDefault("P3D")
    Duration retention();

    /** How long consumers remember processed event ids; must exceed the longest redelivery window. */
    @WithDefault("P30D")
    Duration inboxRetention();
}
