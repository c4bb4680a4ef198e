package org.district.agent;

/** Wipes the machine for a WIPE command, by IT's own installed executable. */
public interface WipeAction {

    /** Whether the wipe executable is installed and executable. */
    boolean available();

    /**
     * Runs the wipe executable.
     *
     * @return true when it exited 0
     */
    boolean wipe();
}
