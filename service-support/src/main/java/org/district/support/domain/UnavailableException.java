package org.district.support.domain;

/**
 * Nothing was written, for a reason that passes: the database cannot be reached, it refused the transaction because of
 * contention, or the service is taking more work than it can write. The same request succeeds later.
 */
public final class UnavailableException extends DomainException {

    /** Why the work could not be done now. */
    public enum Reason {
        /** The database cannot be reached. */
        DATABASE_UNREACHABLE,
        /** The database refused the transaction because of contention (serialization, deadlock, lock wait). */
        CONTENTION,
        /** The service is receiving more than it can write right now. */
        BUSY
    }

    /** Seconds a client should wait before retrying while the database is unreachable. */
    public static final int UNREACHABLE_RETRY_AFTER_SECONDS = 5;

    private final Reason reason;
    private final int retryAfterSeconds;

    public UnavailableException(Reason reason, String detail, int retryAfterSeconds) {
        super(
                switch (reason) {
                    case DATABASE_UNREACHABLE -> "service-unavailable";
                    case CONTENTION -> "retry";
                    case BUSY -> "busy";
                },
                detail);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The database cannot be reached. */
    public static UnavailableException databaseUnreachable() {
        return new UnavailableException(
                Reason.DATABASE_UNREACHABLE,
                "The service cannot reach its database right now. Nothing was saved; retry in a few seconds.",
                UNREACHABLE_RETRY_AFTER_SECONDS);
    }

    /** The database refused the transaction because of contention; a retry will very likely succeed. */
    public static UnavailableException contention() {
        return new UnavailableException(
                Reason.CONTENTION, "The request collided with another change. Nothing was saved; retry it.", 1);
    }

    /** The service is taking more work than it can write; {@code detail} says what to do. */
    public static UnavailableException busy(String detail) {
        return new UnavailableException(Reason.BUSY, detail, 1);
    }

    public Reason reason() {
        return reason;
    }

    /** Whether trying the same work again at once is likely to succeed (contention, not an outage). */
    public boolean retryNow() {
        return reason == Reason.CONTENTION;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
