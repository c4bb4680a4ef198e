package org.district.drills;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the drills run against: the project's scripts (the bench Kafka broker, PostgreSQL, the identity provider), the
 * snapshots of the service jars under test, and the drill logs. Every outside command is logged with its exit code.
 */
final class Stack {

    /** The benchmark and drill broker (scripts/kafka.sh instance "bench"). */
    static final String BOOTSTRAP = "127.0.0.1:9392";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    final Path root;
    final Path apps;
    final Path logs;

    private Stack(Path root) {
        this.root = root;
        this.apps = root.resolve(".local/drills/apps");
        this.logs = root.resolve(".local/logs/drills");
    }

    static Stack from(Options options) throws IOException {
        Path root = Path.of(options.get("root", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("scripts/kafka.sh"))) {
            throw new IllegalStateException("--root must be the project's root directory, not " + root);
        }
        Stack stack = new Stack(root);
        Files.createDirectories(stack.logs);
        return stack;
    }

    /** Prints a timestamped progress line. */
    static void say(String format, Object... args) {
        System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + String.format(format, args));
        System.out.flush();
    }

    /** A fresh, empty bench broker: no topics, no consumer group offsets left by earlier runs. */
    void resetBroker() throws IOException, InterruptedException {
        run(Duration.ofMinutes(3), "bash", "scripts/kafka.sh", "reset", "bench");
    }

    void stopBroker() throws IOException, InterruptedException {
        run(Duration.ofMinutes(2), "bash", "scripts/kafka.sh", "stop", "bench");
    }

    void startBroker() throws IOException, InterruptedException {
        run(Duration.ofMinutes(3), "bash", "scripts/kafka.sh", "start", "bench");
    }

    void ensurePostgres() throws IOException, InterruptedException {
        run(Duration.ofMinutes(3), "bash", "scripts/postgres.sh", "ensure");
    }

    /**
     * The identity provider the services trust and the drills sign people in at for their tokens: the tests' instance
     * of Keycloak ({@code scripts/keycloak.sh}, instance "test", where test-support adds the people it acts as),
     * started unless it is already running. The local stack's demo realm is left alone.
     */
    void ensureIdentityProvider() throws IOException, InterruptedException {
        ensurePostgres();
        run(Duration.ofMinutes(6), "bash", "scripts/keycloak.sh", "start", "test");
    }

    /** The PostgreSQL cluster serving the project ("15 main"), from pg_lsclusters. */
    String[] postgresCluster() throws IOException, InterruptedException {
        String out = capture(Duration.ofSeconds(30), "pg_lsclusters", "-h").trim();
        if (out.isEmpty()) {
            throw new IllegalStateException("pg_lsclusters lists no PostgreSQL cluster");
        }
        String[] first = out.lines().findFirst().orElseThrow().trim().split("\\s+");
        return new String[] {first[0], first[1]};
    }

    /** pg_ctlcluster stop|start on the project's cluster, as root (directly, or through password-less sudo). */
    void postgres(String action) throws IOException, InterruptedException {
        String[] cluster = postgresCluster();
        List<String> command = new ArrayList<>();
        if (!"0".equals(capture(Duration.ofSeconds(10), "id", "-u").trim())) {
            command.add("sudo");
            command.add("-n");
        }
        command.addAll(List.of("pg_ctlcluster", "--skip-systemctl-redirect", cluster[0], cluster[1], action));
        run(Duration.ofMinutes(2), command.toArray(new String[0]));
    }

    /** Runs a command in the project root; its output goes to the drill log; fails on a non-zero exit. */
    void run(Duration timeout, String... command) throws IOException, InterruptedException {
        File log = logs.resolve("commands.log").toFile();
        Files.writeString(
                log.toPath(),
                "\n$ " + String.join(" ", command) + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        Process p = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed with exit code " + p.exitValue() + "; see " + log);
        }
    }

    private String capture(Duration timeout, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
