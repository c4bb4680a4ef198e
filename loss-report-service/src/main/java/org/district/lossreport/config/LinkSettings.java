package org.district.lossreport.config;

import io.smallrye.config.ConfigMapping;
import java.util.UUID;
import org.district.support.web.ConsoleLinks;

/**
 * Links that messages put in front of people, and the console's pages that this service's old pages moved to: the
 * console's address ({@code district.links.console-base-url}) and its pages' addresses, as {@link ConsoleLinks} builds
 * them.
 */
@ConfigMapping(prefix = "district.links")
public interface LinkSettings extends ConsoleLinks {

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
}
