package org.district.support.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * How often one caller may do one thing, per replica: {@code district.rate-limit.<name>.per-minute} (the sustained
 * rate) and {@code district.rate-limit.<name>.burst} (how many at once after a quiet spell). A name without settings
 * is not limited.
 */
@ConfigMapping(prefix = "district.rate-limit")
public interface RateLimitSettings {

    @WithParentName
    Map<String, Limit> limits();

    interface Limit {

        /** Requests per minute one caller may make, sustained. */
        double perMinute();

        /** Requests one caller may make at once. */
        int burst();
    }
}
