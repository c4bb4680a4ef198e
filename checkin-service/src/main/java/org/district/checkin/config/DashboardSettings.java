package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The IT dashboard's lists. (Its sign-in is the identity provider's, {@code quarkus.oidc.web.*}; how long a session
 * lasts is service-support's {@code district.web.*}.)
 */
@ConfigMapping(prefix = "district.dashboard")
public interface DashboardSettings {

    /** Rows shown in each dashboard list. */
    @WithDefault("25")
    int rowsPerList();

    /** How far back a lost device's sighting counts as "seen recently" on the dashboard. */
    @WithDefault("P7D")
    java.time.Duration lostSeenWindow();
}
