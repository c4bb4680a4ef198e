package org.district.support.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one signed-in person (or system) may call the annotated endpoint, under the settings named by
 * {@link #value()} ({@link RateLimitSettings}); beyond it the answer is 429 with Retry-After ({@link RateLimitFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    /** The name of the limit, e.g. {@code reports}. */
    String value();
}
