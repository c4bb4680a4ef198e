package org.district.agent;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.logging.Logger;

/** The state file: JSON, written atomically with mode 0600. */
public final class StateStore {

    private static final Logger LOG = Logger.getLogger(StateStore.class.getName());

    private final Path file;

    public StateStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The stored state; a fresh one when there is none or it cannot be read (which is logged). */
    public AgentState load() {
        try {
            AgentState state = Json.MAPPER.readValue(file.toFile(), AgentState.class);
            if (state == null) {
                return new AgentState();
            }
            if (state.pendingResults == null) {
                state.pendingResults = new ArrayList<>();
            }
            if (state.recentCommands == null) {
                state.recentCommands = new ArrayList<>();
            }
            state.pendingResults.removeIf(r -> r == null || r.id() == null || r.result() == null);
            state.recentCommands.removeIf(r -> r == null || r.id() == null);
            return state;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return new AgentState();
        } catch (IOException e) {
            LOG.warning(() -> "state file " + file + " is unreadable (" + e.getMessage() + "); starting afresh");
            return new AgentState();
        }
    }

    /** Replaces the stored state. */
    public void save(AgentState state) throws IOException {
        SecureFiles.createDirectories(file.toAbsolutePath().getParent(), SecureFiles.OWNER_ONLY_DIR);
        SecureFiles.writeAtomically(file, Json.MAPPER.writeValueAsBytes(state), SecureFiles.OWNER_ONLY);
    }
}
