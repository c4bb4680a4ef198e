package org.district.support.problem;

import java.util.Map;

/** The 503 answers given while the database cannot be reached or asks for a retry. Nothing was written. */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before retrying while the database is unreachable. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {}

    /** The database cannot be reached. */
    public static ProblemException problem() {
        return new ProblemException(
                503,
                "service-unavailable",
                "Temporarily unavailable",
                "The service cannot reach its database right now. Nothing was saved; retry in a few seconds.",
                null,
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    /** The database refused the transaction because of contention; a retry will very likely succeed. */
    public static ProblemException retryShortly() {
        return new ProblemException(
                503,
                "retry",
                "Temporarily unavailable",
                "The request collided with another change. Nothing was saved; retry it.",
                null,
                Map.of("Retry-After", "1"));
    }
}
