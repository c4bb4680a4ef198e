package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How old the counts of a start page (a service's {@code GET .../summary}) may be. */
@ConfigMapping(prefix = "district.summary")
public interface SummarySettings {

    /** Each school's counts are computed at most this often per replica; zero computes them on every call. */
    @WithDefault("PT30S")
    Duration maxAge();
}
