package org.district.support.web;

import io.smallrye.config.WithDefault;

/**
 * The IT console's address as people reach it, for the services whose own pages moved to the console and whose
 * messages link to its pages. Not a setting by itself: each such service's {@code @ConfigMapping(prefix =
 * "district.links")} extends it, so that all of them read the console's address from the same property
 * ({@code district.links.console-base-url}) and build its pages' addresses the same way.
 */
public interface ConsoleLinks {

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
