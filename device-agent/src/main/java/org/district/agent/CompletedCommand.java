package org.district.agent;

/**
 * A command the agent carried out (or refused), reported in a check-in's {@code completedCommands} with the nonce the
 * server sent it with.
 */
public record CompletedCommand(String id, String nonce, Result result) {

    /** How a command ended. */
    public enum Result {
        DONE,
        REFUSED,
        FAILED
    }
}
