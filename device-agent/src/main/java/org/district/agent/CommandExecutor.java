package org.district.agent;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Carries out the server's commands and records each result as pending in the state, to be reported with the command's
 * id and nonce by the next check-in.
 *
 * <ul>
 *   <li>LOCK: the {@link LockAction}; DONE when the sessions were locked (and from then on the check-ins say
 *       {@code locked: true}), FAILED otherwise.
 *   <li>LOCATE: nothing to run; the next check-in carries the site and address it already reports, and no invented
 *       coordinates. DONE.
 *   <li>WIPE: the {@link WipeAction} only when {@code wipe.enabled=true} and the executable is installed; DONE when it
 *       exits 0, FAILED otherwise; REFUSED when not allowed.
 *   <li>Any other type: REFUSED.
 * </ul>
 *
 * A command whose id was already carried out (the last {@value AgentState#RECENT_COMMANDS} are remembered) is not run
 * again: its result is reported again, with the nonce it now came with. A LOCK that comes again with a new nonce is run
 * again: the server sends it again when the check-ins do not say the device is locked.
 */
public final class CommandExecutor {

    private static final Logger LOG = Logger.getLogger(CommandExecutor.class.getName());

    /** Saves the state after each command, so that a crash does not lose a result or run a command twice. */
    @FunctionalInterface
    public interface Persister {
        void save(AgentState state) throws IOException;
    }

    private final LockAction lock;
    private final WipeAction wipe;
    private final boolean wipeEnabled;

    public CommandExecutor(LockAction lock, WipeAction wipe, boolean wipeEnabled) {
        this.lock = lock;
        this.wipe = wipe;
        this.wipeEnabled = wipeEnabled;
    }

    /**
     * Carries out {@code commands} in order.
     *
     * @return how many commands were run (not counting those only reported again)
     */
    public int execute(List<CheckInReply.Command> commands, AgentState state, Persister persister) throws IOException {
        int run = 0;
        for (CheckInReply.Command command : commands) {
            if (command.id() == null || command.nonce() == null || command.type() == null) {
                LOG.warning("a command without id, type or nonce was ignored");
                continue;
            }
            String type = command.type().toUpperCase(Locale.ROOT);
            Optional<AgentState.RecentCommand> earlier = state.recentCommands.stream()
                    .filter(r -> r.id().equals(command.id()))
                    .findFirst();
            boolean lockAgain = type.equals("LOCK")
                    && earlier.isPresent()
                    && !command.nonce().equals(earlier.get().nonce());
            CompletedCommand.Result result;
            if (earlier.isPresent() && !lockAgain) {
                result = earlier.get().result();
                LOG.info(() -> type + " " + command.id() + " was already carried out; its result is reported again");
            } else {
                result = carryOut(type, command);
                run++;
                if (type.equals("LOCK") && result == CompletedCommand.Result.DONE) {
                    state.locked = true;
                }
                CompletedCommand.Result r = result;
                LOG.info(() -> type + " " + command.id() + ": " + r);
            }
            remember(state, new AgentState.RecentCommand(command.id(), type, command.nonce(), result));
            state.pendingResults.removeIf(p -> p.id().equals(command.id()));
            state.pendingResults.add(new CompletedCommand(command.id(), command.nonce(), result));
            persister.save(state);
        }
        return run;
    }

    /**
     * The server says the device is no longer reported lost or stolen (IT recorded it found): the district's lock is
     * over, so the return message comes down and the check-ins stop saying {@code locked}. Nothing happens while the
     * device is missing, or when the server does not say.
     */
    public void reportedMissing(Boolean missing, AgentState state, Persister persister) throws IOException {
        if (!Boolean.FALSE.equals(missing) || !state.locked) {
            return;
        }
        lock.takeMessageDown();
        state.locked = false;
        persister.save(state);
        LOG.info("the device is no longer reported missing: the return message is taken down");
    }

    private CompletedCommand.Result carryOut(String type, CheckInReply.Command command) {
        switch (type) {
            case "LOCK":
                return lock.lock(command.message()) ? CompletedCommand.Result.DONE : CompletedCommand.Result.FAILED;
            case "LOCATE":
                return CompletedCommand.Result.DONE;
            case "WIPE":
                if (!wipeEnabled) {
                    LOG.warning("WIPE refused: wipe.enabled is not true on this device");
                    return CompletedCommand.Result.REFUSED;
                }
                if (!wipe.available()) {
                    LOG.warning("WIPE refused: wipe.command is not an installed executable");
                    return CompletedCommand.Result.REFUSED;
                }
                return wipe.wipe() ? CompletedCommand.Result.DONE : CompletedCommand.Result.FAILED;
            default:
                LOG.warning(() -> "command type " + Text.stripControl(type) + " is not supported; refused");
                return CompletedCommand.Result.REFUSED;
        }
    }

    private static void remember(AgentState state, AgentState.RecentCommand command) {
        state.recentCommands.removeIf(r -> r.id().equals(command.id()));
        state.recentCommands.add(command);
        while (state.recentCommands.size() > AgentState.RECENT_COMMANDS) {
            state.recentCommands.remove(0);
        }
    }
}
