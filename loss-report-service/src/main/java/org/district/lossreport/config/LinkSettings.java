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

    default String report(UUID reportId) {
        return reportBaseUrl().replace("{id}", reportId.toString());
    }
}
