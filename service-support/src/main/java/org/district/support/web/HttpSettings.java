package org.district.support.web;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on what the services accept over HTTP. Read while the application starts (the body-size filter is created
 * then), so it must be safe to read before the runtime configuration exists.
 */
@StaticInitSafe
@ConfigMapping(prefix = "district.http")
public interface HttpSettings {

    /**
     * Largest JSON or form body accepted, in bytes; larger ones are refused with 413 before they are read. CSV uploads
     * are streamed and bounded by {@code quarkus.http.limits.max-body-size} instead.
     */
    @WithDefault("1048576")
    long maxJsonBodyBytes();
}
