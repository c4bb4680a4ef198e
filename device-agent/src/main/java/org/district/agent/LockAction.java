package org.district.agent;

/** Locks the machine's sessions for a LOCK command. */
public interface LockAction {

    /**
     * Locks every session and shows {@code message} (the district's return message, as sent by the server).
     *
     * @return true when the sessions were locked
     */
    boolean lock(String message);

    /**
     * Takes the return message down once the server says the device is no longer reported lost or stolen. The sessions
     * stay as they are: their owner unlocks them with their own password.
     */
    default void takeMessageDown() {}
}
