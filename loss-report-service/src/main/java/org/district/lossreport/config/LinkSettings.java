package org.district.lossreport.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.UUID;

/** Links that messages put in front of people. */
@ConfigMapping(prefix = "district.links")
public interface LinkSettings {

    /** Where a person opens a report; {@code {id}} is replaced by the report id. */
    @WithDefault("http://localhost:8082/reports/{id}")
    String reportBaseUrl();

    /** The IT console's address as people reach it (its pages are under it). */
    @WithDefault("http://localhost:8084")
    String consoleBaseUrl();

    default String report(UUID reportId) {
        return reportBaseUrl().replace("{id}", reportId.toString());
    }

    /** The console's page of a personal device: its owner asks again there, an approver decides there. */
    default String personalDevice(UUID deviceId) {
        String base = consoleBaseUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/personal-devices/" + deviceId;
    }
}
