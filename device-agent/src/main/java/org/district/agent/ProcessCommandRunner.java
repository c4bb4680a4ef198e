package org.district.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs programs with {@link ProcessBuilder}: no shell, standard input closed, standard error discarded, {@code LC_ALL=C}
 * so that dates and messages come in one known form, and at most 4 MiB of output kept.
 */
public final class ProcessCommandRunner implements CommandRunner {

    private static final Logger LOG = Logger.getLogger(ProcessCommandRunner.class.getName());
    private static final int MAX_OUTPUT = 4 * 1024 * 1024;

    @Override
    public Optional<Output> run(Duration timeout, List<String> command, String stdin) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            LOG.log(Level.FINE, () -> command.get(0) + " is not available: " + e.getMessage());
            return Optional.empty();
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), stdout), "command-output");
        reader.setDaemon(true);
        reader.start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The program did not read its input (it may have exited already); its exit code tells the rest.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                LOG.fine(() -> command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
                return Optional.empty();
            }
            reader.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        String text;
        synchronized (stdout) {
            text = stdout.toString(StandardCharsets.UTF_8);
        }
        return Optional.of(new Output(process.exitValue(), text));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    if (out.size() < MAX_OUTPUT) {
                        out.write(buffer, 0, Math.min(n, MAX_OUTPUT - out.size()));
                    }
                }
            }
        } catch (IOException e) {
            // The process ended or was killed; what was read is kept.
        }
    }
}
