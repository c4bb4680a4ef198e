package org.district.support.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The correlation id of the work in progress: taken from the {@code X-Correlation-Id} request header (or made up),
 * carried in the logging MDC, copied into the headers of every event the work raises, and restored by consumers.
 */
public final class Correlation {

    /** HTTP header carrying the id in both directions. */
    public static final String HEADER = "X-Correlation-Id";

    /** MDC key; the JSON log format prints it as a field. */
    public static final String MDC_KEY = "correlationId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Correlation() {}

    /** The current id, or null outside any request or consumed event. */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }

    /** Sets the current id; null clears it. */
    public static void set(String id) {
        if (id == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }

    /**
     * Keeps a caller's id if it is safe to log and echo, otherwise makes a new one: a random UUID (version 4) from a
     * fast generator, since a correlation id must be unique but need not be unguessable (it grants nothing).
     */
    public static String acceptOrCreate(String candidate) {
        if (candidate != null && ACCEPTABLE.matcher(candidate).matches()) {
            return candidate;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
