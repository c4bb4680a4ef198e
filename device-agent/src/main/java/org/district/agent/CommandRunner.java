package org.district.agent;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs a program (no shell) with a time limit. The fact collectors and the actions read the machine through it, so that
 * tests can hand them recorded output instead.
 */
public interface CommandRunner {

    /** What a program printed and how it ended. */
    record Output(int exitCode, String stdout) {

        /** Whether the program exited 0. */
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command} and waits at most {@code timeout}.
     *
     * @return the exit code and standard output, or empty when the program is not installed, could not start or did not
     *     finish in time (it is then killed)
     */
    default Optional<Output> run(Duration timeout, List<String> command) {
        return run(timeout, command, null);
    }

    /**
     * Runs {@code command} with {@code stdin} (UTF-8; null for none) as its standard input and waits at most
     * {@code timeout}.
     */
    Optional<Output> run(Duration timeout, List<String> command, String stdin);

    /** Runs {@code command} and waits at most {@code timeout}. */
    default Optional<Output> run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }

    /** The output of a command that exited 0, or empty. */
    default Optional<String> stdoutIfOk(Duration timeout, String... command) {
        return run(timeout, command).filter(Output::ok).map(Output::stdout);
    }
}
