package org.district.support.domain;

/** The caller changed a record on the strength of a version someone else has replaced since (If-Match failed). */
public final class StaleVersionException extends DomainException {

    public StaleVersionException(String detail) {
        super("precondition-failed", detail);
    }

    /** The record is at {@code current}; the caller read {@code sent}. */
    public static StaleVersionException of(String what, long current, long sent) {
        return new StaleVersionException("The " + what + " changed since you read it (version " + current
                + ", you sent " + sent + "). Reload it and try again.");
    }
}
