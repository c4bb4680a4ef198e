package org.district.support.messaging;

/** An event that can never be processed as it is (not JSON, no event id, payload of the wrong shape). */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
