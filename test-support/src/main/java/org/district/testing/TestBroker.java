package org.district.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the real "outage" Kafka broker (127.0.0.1:9292) through the project's own script, for tests of what
 * happens while the broker is down. Only tests running against that broker (through {@link #BOOTSTRAP} in a test
 * profile) use it, so stopping it disturbs no other test.
 */
public final class TestBroker {

    /** Bootstrap address of the outage broker. */
    public static final String BOOTSTRAP = "127.0.0.1:9292";

    private TestBroker() {}

    /** Stops the outage broker and waits until it is gone. */
    public static void stop() {
        run("stop");
    }

    /** Starts the outage broker (keeping its data; a no-op if it runs) and waits until it accepts connections. */
    public static void start() {
        run("start");
    }

    private static void run(String action) {
        Path script = projectRoot().resolve("scripts/kafka.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), action, "outage")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(projectRoot()
                        .resolve(".local/logs/test-broker-control.log")
                        .toFile()));
        try {
            Files.createDirectories(projectRoot().resolve(".local/logs"));
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/kafka.sh " + action + " outage failed; see .local/logs");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository root: the nearest directory above the working directory that holds scripts/kafka.sh. */
    public static Path projectRoot() {
        File dir = new File(System.getProperty("user.dir")).getAbsoluteFile();
        while (dir != null) {
            if (new File(dir, "scripts/kafka.sh").isFile()) {
                return dir.toPath();
            }
            dir = dir.getParentFile();
        }
        throw new IllegalStateException("Cannot find scripts/kafka.sh above " + System.getProperty("user.dir"));
    }
}
