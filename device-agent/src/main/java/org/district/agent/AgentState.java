package org.district.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent keeps between check-ins and restarts (the state file): when the next check-in is due, the command
 * results not yet accepted by the server, the count of failed check-ins in a row, whether the district's lock is in
 * force, and the last commands carried out (so a re-sent command is not run twice).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AgentState {

    /** How many carried-out command ids are remembered. */
    public static final int RECENT_COMMANDS = 100;

    /** When the next check-in is due; null before the first start. */
    public Instant nextDueAt;

    /** The interval the server last asked for, in seconds; null until it has answered. */
    public Long intervalSeconds;

    /** Failed check-ins in a row (drives the backoff). */
    public int failures;

    /** Whether the last LOCK succeeded; sent as {@code locked} until IT clears the lock on the machine. */
    public boolean locked;

    /** Results to report, oldest first; dropped once a check-in carrying them is accepted. */
    public List<CompletedCommand> pendingResults = new ArrayList<>();

    /** The last commands carried out, oldest first. */
    public List<RecentCommand> recentCommands = new ArrayList<>();

    /** A command carried out: its id, type, the nonce it last came with, and its result. */
    public record RecentCommand(String id, String type, String nonce, CompletedCommand.Result result) {}
}
