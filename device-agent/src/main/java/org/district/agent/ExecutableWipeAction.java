package org.district.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs IT's wipe executable ({@code wipe.command}), with no arguments, and nothing else. */
public final class ExecutableWipeAction implements WipeAction {

    private static final Duration TIMEOUT = Duration.ofHours(2);

    private final CommandRunner runner;
    private final Path command;

    /** @param command the executable's absolute path, or null when none is configured */
    public ExecutableWipeAction(CommandRunner runner, Path command) {
        this.runner = runner;
        this.command = command;
    }

    @Override
    public boolean available() {
        return command != null && command.isAbsolute() && Files.isRegularFile(command) && Files.isExecutable(command);
    }

    @Override
    public boolean wipe() {
        return available()
                && runner.run(TIMEOUT, List.of(command.toString()))
                        .map(CommandRunner.Output::ok)
                        .orElse(false);
    }
}
