package org.district.support.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * How often one caller may do one thing: {@code district.rate-limit.<name>.per-minute} (the sustained rate),
 * {@code district.rate-limit.<name>.burst} (how many at once after a quiet spell) and
 * {@code district.rate-limit.<name>.shared} (whether the replicas share the allowance through the database; true
 * unless set). A name without settings is not limited.
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

        /**
         * Whether all replicas share the caller's bucket through the database (the default), or each keeps its own
         * in memory (no statement per request; up to n times the allowance with n replicas).
         */
        @WithDefault("true")
        boolean shared();
    }
}
