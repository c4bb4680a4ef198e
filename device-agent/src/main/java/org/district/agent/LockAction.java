package org.district.agent;

/** Locks the machine's sessions for a LOCK command. */
public interface LockAction {

    /**
     * Locks every session and shows {@code message} (the district's return message, as sent by the server).
     *
     * @return true when the sessions were locked
     */
    boolean lock(String message);
}
