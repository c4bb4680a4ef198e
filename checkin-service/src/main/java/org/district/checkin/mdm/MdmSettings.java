package org.district.checkin.mdm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How device managers are synchronised: shared by every manager (each has its own settings besides). */
@ConfigMapping(prefix = "district.mdm.sync")
public interface MdmSettings {

    /** How long after start the first sync waits (a duration such as 1m). */
    @WithDefault("1m")
    String delay();

    /** How often a sync of each enabled manager starts (one replica runs it; the others skip that round). */
    @WithDefault("15m")
    String every();

    /**
     * How recently a sync of a manager that carries WIPEs must have succeeded for a WIPE to wait for it rather than go
     * to the device's agent: three rounds of {@link #every()}, and at least an hour, so that one failed round (the
     * manager throttling) does not hand a WIPE to an agent that may be a thief's, and a day of failing syncs does not
     * keep it from the only way left.
     */
    default Duration wipeWaitsForSyncWithin() {
        Duration round;
        String every = every().strip().toUpperCase(Locale.ROOT);
        try {
            round = Duration.parse(every.startsWith("P") ? every : every.endsWith("D") ? "P" + every : "PT" + every);
        } catch (DateTimeParseException e) {
            round = Duration.ofMinutes(15);
        }
        Duration three = round.multipliedBy(3);
        return three.compareTo(Duration.ofHours(1)) > 0 ? three : Duration.ofHours(1);
    }

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
