package org.district.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The Linux lock: writes the message to the lock message file (0644; the installed root helper,
 * district-agent-message.path, puts it on the graphical sign-in screen and the terminals' login banner, where it stays
 * across restarts until the device is found), runs {@code loginctl lock-sessions} (allowed to the agent's user by the
 * shipped polkit rule), and sends the message to logged-in terminals with {@code wall} (best effort; control
 * characters removed first).
 */
public final class SystemLockAction implements LockAction {

    private static final Logger LOG = Logger.getLogger(SystemLockAction.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final CommandRunner runner;
    private final Path messageFile;

    public SystemLockAction(CommandRunner runner, Path messageFile) {
        this.runner = runner;
        this.messageFile = messageFile;
    }

    /**
     * Empties the lock message file: the return message comes down from the sign-in screen and the terminals' login
     * banner (the root helper that shows it reads an empty file as "none"; a missing file, as after a restart, changes
     * nothing).
     */
    @Override
    public void takeMessageDown() {
        try {
            SecureFiles.createDirectories(messageFile.toAbsolutePath().getParent(), SecureFiles.WORLD_READABLE_DIR);
            SecureFiles.writeAtomically(messageFile, new byte[0], SecureFiles.WORLD_READABLE);
        } catch (IOException e) {
            LOG.warning(() -> "cannot empty the lock message file " + messageFile + ": " + e.getMessage());
        }
    }

    @Override
    public boolean lock(String message) {
        String text = message == null ? "" : message;
        try {
            SecureFiles.createDirectories(messageFile.toAbsolutePath().getParent(), SecureFiles.WORLD_READABLE_DIR);
            SecureFiles.writeAtomically(messageFile, text.getBytes(StandardCharsets.UTF_8), SecureFiles.WORLD_READABLE);
        } catch (IOException e) {
            LOG.warning(() -> "cannot write the lock message to " + messageFile + ": " + e.getMessage());
        }
        boolean locked = runner.run(TIMEOUT, List.of("loginctl", "lock-sessions"))
                .map(CommandRunner.Output::ok)
                .orElse(false);
        if (!locked) {
            LOG.warning("loginctl lock-sessions failed (is the polkit rule for the agent's user installed?)");
        }
        String broadcast = Text.stripControlKeepLines(text).strip();
        if (!broadcast.isEmpty()) {
            // The message goes in on standard input: as an argument, wall would read a file of that name instead.
            runner.run(TIMEOUT, List.of("wall"), broadcast + "\n");
        }
        return locked;
    }
}
