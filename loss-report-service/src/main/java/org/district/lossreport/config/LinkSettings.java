package org.district.lossreport.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.UUID;

/** Links that messages put in front of people, and the console's pages that this service's old pages moved to. */
@ConfigMapping(prefix = "district.links")
public interface LinkSettings {

    /** The IT console's address as people reach it (its pages are under it). */
    @WithDefault("http://localhost:8084")
    String consoleBaseUrl();

    /**
     * A report in the console, where messages about it link: it opens for whoever follows the link what they may see of
     * it (IT the report, the reporter their reports, the holder and their supervisor the device).
     */
    default String report(UUID reportId) {
        return console("/loss-reports/" + reportId);
    }

    /** The console's page of a personal device: its owner asks again there, an approver decides there. */
    default String personalDevice(UUID deviceId) {
        return console("/personal-devices/" + deviceId);
    }

    /** The address of one of the console's pages; {@code path} starts with a slash. */
    default String console(String path) {
        String base = consoleBaseUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + path;
    }
}
