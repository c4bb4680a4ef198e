package org.district.checkin.mdm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A device manager could not be reached or would not answer: after the retries ({@code transientFailure}: throttled,
 * unavailable, no answer) or at once (refused: a wrong configuration, a missing permission). The message names no
 * secret and holds only checked text of the manager's answer.
 */
public class ProviderException extends Exception {

    private final boolean transientFailure;

    private final Map<String, String> answeredBefore;

    public ProviderException(String message, boolean transientFailure) {
        this(message, transientFailure, Map.of());
    }

    private ProviderException(String message, boolean transientFailure, Map<String, String> answeredBefore) {
        super(message);
        this.transientFailure = transientFailure;
        // Null values stand for the devices the manager took the command for: no Map.copyOf.
        this.answeredBefore = Collections.unmodifiableMap(new LinkedHashMap<>(answeredBefore));
    }

    /**
     * The same failure, met part-way through a command sent device by device: the manager's answers for the devices
     * before it (null where it took the command, else its refusal); the rest were not taken.
     */
    public ProviderException partway(Map<String, String> answered) {
        ProviderException partway = new ProviderException(getMessage(), transientFailure, answered);
        partway.initCause(this);
        return partway;
    }

    public boolean transientFailure() {
        return transientFailure;
    }

    /** The answers the manager gave before the failure (none when it was met at once, or by a whole batch). */
    public Map<String, String> answeredBefore() {
        return answeredBefore;
    }
}
