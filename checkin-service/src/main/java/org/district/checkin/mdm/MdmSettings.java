package org.district.checkin.mdm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How device managers are synchronised: shared by every manager (each has its own settings besides). */
@ConfigMapping(prefix = "district.mdm.sync")
public interface MdmSettings {

    /** How long after start the first sync waits (a duration such as 1m). */
    @WithDefault("1m")
    String delay();

    /** How often a sync of each enabled manager starts (one replica runs it; the others skip that round). */
    @WithDefault("15m")
    String every();

    /** How often a sync lists every device (finding those removed from the manager) instead of the changed ones. */
    @WithDefault("P1D")
    Duration fullEvery();

    /** An incremental sync lists the devices that reported since the last good sync started, less this margin. */
    @WithDefault("PT10M")
    Duration overlap();

    /** Tries of one request (a page, an action) before the sync gives up on it. */
    @WithDefault("6")
    int maxAttempts();

    /** The longest wait before a retry, whatever the manager's Retry-After says. */
    @WithDefault("PT2M")
    Duration maxRetryWait();

    /** The longest wait for one answer of the manager. */
    @WithDefault("PT30S")
    Duration requestTimeout();
}
