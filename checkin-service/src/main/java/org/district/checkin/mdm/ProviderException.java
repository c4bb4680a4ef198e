package org.district.checkin.mdm;

/**
 * A device manager could not be reached or would not answer: after the retries ({@code transientFailure}: throttled,
 * unavailable, no answer) or at once (refused: a wrong configuration, a missing permission). The message names no
 * secret and holds only checked text of the manager's answer.
 */
public class ProviderException extends Exception {

    private final boolean transientFailure;

    public ProviderException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
