package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The applications' start-up cache (scripts/lib.sh): each is packaged so a JDK 25 cache can hold its classes; a
 * training run records the cache once per build and JDK; a start uses it only while it matches both. The scripts'
 * own functions run here on a small HTTP application made by the test, the way the local stack and the benchmarks
 * run them on the services.
 */
class StartUpCacheTest {

    /** A stand-in for a service: answers every request with 200 on HTTP_PORT until it is stopped. */
    private static final String APP =
            """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            public class Ready {
                public static void main(String[] args) throws Exception {
                    HttpServer server = HttpServer.create(
                            new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("HTTP_PORT"))), 0);
                    server.createContext("/", exchange -> {
                        exchange.sendResponseHeaders(200, -1);
                        exchange.close();
                    });
                    server.start();
                }
            }
            """;

    private static String newestJdk;

    @BeforeAll
    static void findJdk() throws Exception {
        newestJdk = bash("newest_jdk 25").out().strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inventory-service", "loss-report-service", "checkin-service", "console"})
    void everyApplicationIsPackagedForTheCache(String module) {
        // The fast-jar's own class loader keeps its classes out of a JDK cache; the aot-jar puts them on the class
        // path.
        assertThat(RepositoryFiles.read(module + "/src/main/resources/application.properties"))
                .containsPattern("(?m)^quarkus\\.package\\.jar\\.type=aot-jar$");
    }

    @Test
    void theServicesRunOnTheJdkTheOperatorNames() throws Exception {
        String named = System.getProperty("java.home");
        assertThat(bash("SERVICE_JAVA_HOME='" + named + "' service_java").out().strip())
                .isEqualTo(named + "/bin/java");
    }

    @Test
    void aCacheIsRecordedOncePerBuildAndUsedOnlyWhileItMatches(@TempDir Path dir) throws Exception {
        // No JDK 25 or newer on this machine: the scripts then start the services without a cache, nothing to test.
        assumeTrue(!newestJdk.isEmpty(), "needs a JDK 25 or newer");
        String java = newestJdk + "/bin/java";
        Path app = makeApp(dir, newestJdk);
        Path cache = app.resolve("app.aot");

        Result trained = bash("aot_train demo '" + app + "' " + freePort() + " '" + java + "' -Xmx64m");
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(cache).isNotEmptyFile();
        assertThat(bash("aot_options '" + app + "' '" + java + "'").out().strip())
                .isEqualTo("-XX:AOTCache=" + cache);
        // AOTMode=on refuses to start when the cache cannot be used: the JVM takes this one.
        Result used = run(List.of(java, "-XX:AOTMode=on", "-XX:AOTCache=" + cache, "-Xmx64m", "-version"), app);
        assertThat(used.code()).as(used.err()).isZero();

        FileTime recorded = Files.getLastModifiedTime(cache);
        Result again = bash("aot_train demo '" + app + "' " + freePort() + " '" + java + "' -Xmx64m");
        assertThat(again.out()).doesNotContain("Recording");
        assertThat(Files.getLastModifiedTime(cache))
                .as("a fresh cache is not recorded again")
                .isEqualTo(recorded);

        // A new build: its jars are newer than the cache, which no longer matches them.
        Files.setLastModifiedTime(
                app.resolve("quarkus-run.jar"), FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(bash("aot_options '" + app + "' '" + java + "'").out()).isBlank();
    }

    @Test
    void aCacheMadeByAnotherJdkIsNotUsed(@TempDir Path dir) throws Exception {
        assumeTrue(!newestJdk.isEmpty(), "needs a JDK 25 or newer");
        String java = newestJdk + "/bin/java";
        Path app = makeApp(dir, newestJdk);
        Files.writeString(app.resolve("app.aot"), "not a cache");
        Files.writeString(app.resolve("app.aot.jdk"), "openjdk version \"24\" ");
        Files.setLastModifiedTime(
                app.resolve("app.aot"), FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(bash("aot_options '" + app + "' '" + java + "'").out()).isBlank();
    }

    @Test
    void aCacheRecordedWithOtherServiceFlagsIsNotUsed(@TempDir Path dir) throws Exception {
        assumeTrue(!newestJdk.isEmpty(), "needs a JDK 25 or newer");
        String java = newestJdk + "/bin/java";
        Path app = makeApp(dir, newestJdk);
        Result trained = bash("aot_train demo '" + app + "' " + freePort() + " '" + java + "' -Xmx64m");
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(bash("aot_options '" + app + "' '" + java + "'").out()).isNotBlank();

        // The stamp as a build before the services' flags were part of it wrote it: the JDK's version alone.
        String stamp = Files.readString(app.resolve("app.aot.jdk"));
        String flags =
                bash("service_jvm_flags '" + java + "' '" + app + "'").out().strip();
        assertThat(stamp).endsWith(flags + "\n");
        Files.writeString(app.resolve("app.aot.jdk"), stamp.replace(flags, ""));

        assertThat(bash("aot_options '" + app + "' '" + java + "'").out()).isBlank();
    }

    @Test
    void everyJdkTheScriptsMayChooseAcceptsTheServicesFlags() throws Exception {
        List<String> homes = new ArrayList<>(List.of(System.getProperty("java.home")));
        if (!newestJdk.isEmpty()) {
            homes.add(newestJdk);
        }
        for (String home : homes) {
            String java = home + "/bin/java";
            for (String module : List.of("inventory-service", "loss-report-service", "checkin-service", "console")) {
                String app = RepositoryFiles.path(module)
                        .resolve("target/quarkus-app")
                        .toString();
                String flags = bash("service_jvm_flags '" + java + "' '" + app + "'")
                        .out()
                        .strip();
                // Check-in ingestion keeps G1's short pauses; the others idle in less memory with the serial one.
                assertThat(flags).contains(module.equals("checkin-service") ? "-XX:+UseG1GC" : "-XX:+UseSerialGC");
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(List.of(flags.split(" ")));
                command.add("-version");
                // An option the JDK does not know stops it before it starts: the application would not start either.
                Result version = run(command, Path.of(home));
                assertThat(version.code()).as(home + ": " + version.err()).isZero();
                if (Runtime.version().feature() < 22 && home.equals(System.getProperty("java.home"))) {
                    assertThat(flags).doesNotContain("TrimNativeHeapInterval");
                }
            }
        }
    }

    @Test
    void aJdkBefore25RecordsNothing(@TempDir Path dir) throws Exception {
        String home = System.getProperty("java.home");
        assumeTrue(Runtime.version().feature() < 25, "runs on a JDK before 25, as the build does");
        Path app = makeApp(dir, home);

        Result trained = bash("aot_train demo '" + app + "' " + freePort() + " '" + home + "/bin/java'");

        assertThat(trained.code()).isZero();
        assertThat(trained.out()).as("no training run is tried").doesNotContain("Recording");
        assertThat(app.resolve("app.aot")).doesNotExist();
    }

    @Test
    void aTrainingRunThatFailsLeavesNoCacheAndOnlyWarns(@TempDir Path dir) throws Exception {
        assumeTrue(!newestJdk.isEmpty(), "needs a JDK 25 or newer");
        Path app = makeApp(dir, newestJdk);
        // Its port is taken: the application fails at start, as a service does without its database.
        Result trained;
        try (ServerSocket taken = new ServerSocket(0)) {
            trained = bash("aot_train demo '" + app + "' " + taken.getLocalPort() + " '" + newestJdk + "/bin/java'");
        }

        assertThat(trained.code()).isZero();
        assertThat(trained.err()).contains("no start-up cache recorded");
        assertThat(app.resolve("app.aot")).doesNotExist();
    }

    /** The stand-in application as a quarkus-app folder: quarkus-run.jar with a Main-Class. */
    private static Path makeApp(Path dir, String jdk) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Ready.java"), APP);
        Path classes = dir.resolve("classes");
        Result compiled = run(
                List.of(
                        jdk + "/bin/javac",
                        "--release",
                        "17",
                        "-d",
                        classes.toString(),
                        src.resolve("Ready.java").toString()),
                dir);
        assertThat(compiled.code()).as(compiled.err()).isZero();
        Path app = dir.resolve("quarkus-app");
        Files.createDirectories(app);
        Result jar = run(
                List.of(
                        jdk + "/bin/jar",
                        "--create",
                        "--file",
                        app.resolve("quarkus-run.jar").toString(),
                        "--main-class",
                        "Ready",
                        "-C",
                        classes.toString(),
                        "."),
                dir);
        assertThat(jar.code()).as(jar.err()).isZero();
        return app;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int code, String out, String err) {}

    private static Result bash(String script) throws Exception {
        return run(List.of("bash", "-c", "source scripts/lib.sh && " + script), RepositoryFiles.ROOT);
    }

    private static Result run(List<String> command, Path dir) throws Exception {
        Path out = Files.createTempFile("startup-cache", ".out");
        Path err = Files.createTempFile("startup-cache", ".err");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            assertThat(process.waitFor(240, TimeUnit.SECONDS))
                    .as("%s finished", command)
                    .isTrue();
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
