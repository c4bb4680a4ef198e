package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The IT dashboard's browser sign-in. */
@ConfigMapping(prefix = "district.dashboard")
public interface DashboardSettings {

    /** Mark the sign-in cookie Secure (sent over HTTPS only). On in production. */
    @WithDefault("true")
    boolean secureCookie();

    /** Rows shown in each dashboard list. */
    @WithDefault("25")
    int rowsPerList();

    /** How far back a lost device's sighting counts as "seen recently" on the dashboard. */
    @WithDefault("P7D")
    java.time.Duration lostSeenWindow();
}
