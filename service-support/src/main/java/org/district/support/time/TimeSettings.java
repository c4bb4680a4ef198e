package org.district.support.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** The district's time zone, shared by every service. */
@ConfigMapping(prefix = "district.time")
public interface TimeSettings {

    /**
     * The district's time zone (IANA name, for example America/Chicago): what "today", due dates and the times shown
     * to people mean. Set with DISTRICT_TIME_ZONE.
     */
    @WithDefault("UTC")
    ZoneId zone();
}
