package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where people are sent in the IT console, which took over the IT dashboard and the pages around signing out. */
@ConfigMapping(prefix = "district.links")
public interface LinkSettings {

    /** The IT console's address as people reach it (its pages are under it). */
    @WithDefault("http://localhost:8084")
    String consoleBaseUrl();

    /** The address of one of the console's pages; {@code path} starts with a slash. */
    default String console(String path) {
        String base = consoleBaseUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + path;
    }
}
