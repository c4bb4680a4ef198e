package org.district.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.district.testing.Keycloak;
import org.district.testing.TestKafka;

/**
 * One replica of a service, run from its packaged jar as its own process with the {@code local} profile, its own
 * port, the {@code drills} schema of its bench database, the bench broker, and the tests' identity provider (whose
 * realm the drills sign people in at, see {@link Stack#ensureIdentityProvider}). {@link #kill()} is kill -9 (no shutdown
 * hook runs); {@link #stop()} is an orderly shutdown.
 */
final class Service {

    /** The three services: their module (jar) and bench database. */
    enum Kind {
        INVENTORY("inventory-service", "inventory_bench"),
        LOSS_REPORT("loss-report-service", "lossreport_bench"),
        CHECKIN("checkin-service", "checkin_bench");

        final String module;
        final String database;

        Kind(String module, String database) {
            this.module = module;
            this.database = database;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    final Kind kind;
    final String name;
    final int port;
    final Path log;
    private final Stack stack;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Process process;

    Service(Stack stack, Kind kind, String name, int port) {
        this.stack = stack;
        this.kind = kind;
        this.name = name;
        this.port = port;
        this.log = stack.logs.resolve(name + ".log");
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", Stack.BOOTSTRAP);
        env.put("KAFKA_TRUSTSTORE", TestKafka.truststore().toString());
        // Drills drive many requests through few devices and people; what they test is not the rate limits.
        for (String limit : java.util.List.of("CHECKIN_RATE", "REPORT_RATE", "IMPORT_RATE", "ENROLMENT_RATE")) {
            env.put(limit + "_PER_MINUTE", "1000000");
            env.put(limit + "_BURST", "1000000");
        }
        env.put("OIDC_AUTH_SERVER_URL", Keycloak.ISSUER);
        properties.put("quarkus.datasource.jdbc.url", Database.jdbcUrl(kind.database));
        properties.put("quarkus.flyway.schemas", Database.SCHEMA);
        properties.put("quarkus.flyway.default-schema", Database.SCHEMA);
    }

    Service env(String key, String value) {
        env.put(key, value);
        return this;
    }

    Service property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process and waits until its readiness check answers 200. */
    Service start(Duration timeout) throws IOException, InterruptedException {
        Path jar = stack.apps.resolve(kind.module).resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No service jar at " + jar + "; run the drill's script, which copies it");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xms64m", "-Xmx384m"));
        command.add("-Dquarkus.profile=local");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Files.writeString(
                log,
                "\n===== start " + name + " " + java.time.Instant.now() + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(stack.root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        process = builder.start();
        awaitReady(timeout);
        Stack.say(
                "%s (pid %d) ready on :%d after %.1f s",
                name, process.pid(), port, (System.nanoTime() - started) / 1e9);
        return this;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    /** Whether the readiness check answers 200 right now. */
    boolean ready() {
        try {
            HttpResponse<Void> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill() throws InterruptedException {
        if (alive()) {
            long pid = process.pid();
            process.toHandle().destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            Stack.say("%s (pid %d) killed with SIGKILL", name, pid);
        }
    }

    /** SIGTERM and wait for an orderly shutdown (SIGKILL after 60 s). */
    void stop() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Appends a thread dump of the running process to its log (evidence of where requests wait during a fault). */
    void threadDump(String why) {
        if (!alive()) {
            return;
        }
        try {
            Files.writeString(
                    log,
                    "\n===== thread dump of " + name + " (" + why + ") " + java.time.Instant.now() + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            jcmd.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("no thread dump of " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Pattern METRIC =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+([-+0-9.eE]+|NaN)");

    /**
     * The sum of a Prometheus metric's samples (from /q/metrics) whose labels contain every given {@code key="value"}
     * pair; -1 when the service does not answer.
     */
    double metric(String metricName, String... labels) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base() + "/q/metrics"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            double sum = 0;
            for (String line : r.body().split("\n")) {
                Matcher m = METRIC.matcher(line);
                if (!m.find() || !m.group(1).equals(metricName)) {
                    continue;
                }
                String labelText = m.group(2) == null ? "" : m.group(2);
                boolean all = true;
                for (String label : labels) {
                    all &= labelText.contains(label);
                }
                if (all) {
                    sum += Double.parseDouble(m.group(3));
                }
            }
            return sum;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
