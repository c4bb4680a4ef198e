package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the counts of the IT console's home page and the list of lost devices seen take in. */
@ConfigMapping(prefix = "district.dashboard")
public interface DashboardSettings {

    /** How far back a lost device's sighting counts as "seen recently". */
    @WithDefault("P7D")
    java.time.Duration lostSeenWindow();
}
