package org.district.systemtests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.district.testing.Keycloak;
import org.district.testing.TestDb;
import org.district.testing.TestKafka;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system, started once for every test class of this module: the three packaged services as real processes
 * (their own empty databases, the shared test broker, the tests' identity provider, fast schedules), and an SMTP server
 * in this JVM. Stopped after the last test, whatever happened, with the services' logs kept in
 * {@code target/service-logs}.
 */
final class DistrictSystem implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /**
     * The district's time zone, in which every service and the console count days and the console shows times. One
     * zone for all, as a district runs them; not UTC, so that a time shown or a day counted in UTC by mistake fails.
     */
    static final String ZONE = "America/Chicago";

    /** Today in the district: the day the services count with and the console's forms suggest. */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of(ZONE));
    }

    static final String KAFKA = System.getProperty("district.kafka", "127.0.0.1:9192");
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static volatile DistrictSystem current;

    /** Distinguishes this run's records from earlier runs' and other tests' on the shared broker. */
    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    final Path root =
            Path.of(System.getProperty("district.root", "..")).toAbsolutePath().normalize();
    final Path target = Path.of(System.getProperty("district.target", "target"))
            .toAbsolutePath()
            .normalize();
    final Path logs = target.resolve("service-logs");
    final Path screenshots = target.resolve("screenshots");

    /** The district's IT mailbox for this run (every loss report is mailed there). */
    final String itEmail = "it-" + run.toLowerCase(Locale.ROOT) + "@district.example";

    final GreenMail mail;
    final ServiceProcess inventory;
    final ServiceProcess lossReport;
    final ServiceProcess checkin;
    final ServiceProcess console;
    final Db inventoryDb = new Db("inventory_e2e");
    final Db lossReportDb = new Db("lossreport_e2e");
    final Db checkinDb = new Db("checkin_e2e");
    final Db consoleDb = new Db("console_e2e");

    private final AtomicInteger sequence = new AtomicInteger();
    private final Thread shutdownHook = new Thread(this::stopAll, "system-tests-shutdown");

    private DistrictSystem() {
        requireBroker();
        requireIdentityProvider();
        Path apps = target.resolve("apps");
        Path inventoryJar = copyApp("inventory-service", apps);
        Path lossReportJar = copyApp("loss-report-service", apps);
        Path checkinJar = copyApp("checkin-service", apps);
        Path consoleJar = copyApp("console", apps);

        log("Wiping databases inventory_e2e, lossreport_e2e, checkin_e2e, console_e2e");
        inventoryDb.wipe();
        lossReportDb.wipe();
        checkinDb.wipe();
        consoleDb.wipe();

        int smtpPort = freePort(23025);
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        log("SMTP server on 127.0.0.1:" + smtpPort);

        int inventoryPort = freePort(28081);
        int lossReportPort = freePort(28082);
        int checkinPort = freePort(28083);
        // The realm's console client sends browsers back to this address only (deploy/keycloak/district-realm.json).
        int consolePort = requireFreePort(28084, "console-web");
        // The console as browsers reach it: the services' old page addresses and their messages' links lead there.
        String consoleBase = "http://localhost:" + consolePort;

        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA);
        common.put("KAFKA_TRUSTSTORE", TestKafka.truststore().toString());
        common.put("DB_HOST", TestDb.HOST);
        common.put("DB_PORT", TestDb.PORT);
        common.put("DB_USER", TestDb.USER);
        common.put("DB_PASSWORD", TestDb.PASSWORD);
        common.put("OUTBOX_POLL_INTERVAL", "50ms");
        // The suites send hundreds of requests as one person or one device (the bad-input suite most of all); the
        // rate limits have tests of their own in each service.
        for (String limit : List.of("CHECKIN_RATE", "REPORT_RATE", "IMPORT_RATE", "ENROLMENT_RATE")) {
            common.put(limit + "_PER_MINUTE", "100000");
            common.put(limit + "_BURST", "100000");
        }
        common.put("DISTRICT_TIME_ZONE", ZONE);
        // Sign-in: the tests' identity provider (its realm's users are made as the tests need them), not the local
        // stack's. The tests add a signing key to the realm while the services run (to sign expired and old tokens);
        // a key id the service does not know yet is fetched at once, not at most every ten minutes.
        common.put("OIDC_AUTH_SERVER_URL", Keycloak.ISSUER);
        common.put("QUARKUS_OIDC_TOKEN_FORCED_JWK_REFRESH_INTERVAL", "PT1S");

        Map<String, String> inventoryEnv = new HashMap<>(common);
        inventoryEnv.put("HTTP_PORT", Integer.toString(inventoryPort));
        inventoryEnv.put("DB_NAME", "inventory_e2e");
        // A small heap on purpose: the CSV suite streams a very large file through it.
        inventory = new ServiceProcess(
                "inventory-service",
                inventoryJar,
                inventoryPort,
                logs.resolve("inventory-service.log"),
                jvm("-Xmx192m"),
                inventoryEnv);

        Map<String, String> lossReportEnv = new HashMap<>(common);
        lossReportEnv.put("HTTP_PORT", Integer.toString(lossReportPort));
        lossReportEnv.put("DB_NAME", "lossreport_e2e");
        lossReportEnv.put("SMTP_HOST", "127.0.0.1");
        lossReportEnv.put("SMTP_PORT", Integer.toString(smtpPort));
        lossReportEnv.put("SMTP_START_TLS", "DISABLED");
        lossReportEnv.put("IT_EMAILS", itEmail);
        lossReportEnv.put("NOTIFY_INITIAL_BACKOFF", "200ms");
        lossReportEnv.put("NOTIFY_MAX_BACKOFF", "1s");
        lossReportEnv.put("CONSOLE_BASE_URL", consoleBase);
        // Its own read-model group, so the read models are built from the topics for this run alone. (Set through the
        // environment: as a system property the setting stops the service from starting, see the final report.)
        lossReportEnv.put("DISTRICT_LOSSREPORT_READ_MODEL_GROUP", "lossreport-read-model-system-tests-" + run);
        lossReport = new ServiceProcess(
                "loss-report-service",
                lossReportJar,
                lossReportPort,
                logs.resolve("loss-report-service.log"),
                jvm("-Xmx256m", "-Ddistrict.notify.poll-interval=200ms"),
                lossReportEnv);

        Map<String, String> checkinEnv = new HashMap<>(common);
        checkinEnv.put("HTTP_PORT", Integer.toString(checkinPort));
        checkinEnv.put("DB_NAME", "checkin_e2e");
        // Its own read-model group too: a copy of the service in another test run must not take its partitions.
        checkinEnv.put("CONSOLE_BASE_URL", consoleBase);
        checkinEnv.put("DISTRICT_CHECKIN_READ_MODEL_GROUP", "checkin-read-model-system-tests-" + run);
        // Desktops may go a day less than zero without checking in: a desktop registered today is overdue at once,
        // which gives the dashboard an overdue device without waiting two weeks.
        checkinEnv.put("OVERDUE_GRACE_DAYS_DESKTOP", "-1");
        // Laptops too, so that the console's story finds an overdue laptop as IT would.
        checkinEnv.put("OVERDUE_GRACE_DAYS_LAPTOP", "-1");
        checkinEnv.put("RETURN_TASK_ESCALATION_EVERY", "1s");
        // A personal device in violation loses its access at the next look, which comes every two seconds.
        checkinEnv.put("PERSONAL_DEVICE_VIOLATION_GRACE_DAYS", "0");
        checkinEnv.put("PERSONAL_DEVICE_VIOLATION_CHECK_EVERY", "2s");
        checkinEnv.put("DISTRICT_PERSONAL_DEVICES_VIOLATION_CHECK_DELAY", "1s");
        // The home page's charts: counted every few seconds instead of every 15 minutes.
        checkinEnv.put("DAILY_COUNTS_EVERY", "3s");
        checkinEnv.put("DISTRICT_DAILY_COUNTS_DELAY", "1s");
        checkin = new ServiceProcess(
                "checkin-service",
                checkinJar,
                checkinPort,
                logs.resolve("checkin-service.log"),
                jvm("-Xmx256m"),
                checkinEnv);

        Map<String, String> consoleEnv = new HashMap<>();
        consoleEnv.put("HTTP_PORT", Integer.toString(consolePort));
        consoleEnv.put("DB_HOST", TestDb.HOST);
        consoleEnv.put("DB_PORT", TestDb.PORT);
        consoleEnv.put("DB_USER", TestDb.USER);
        consoleEnv.put("DB_PASSWORD", TestDb.PASSWORD);
        consoleEnv.put("DB_NAME", "console_e2e");
        consoleEnv.put("OIDC_AUTH_SERVER_URL", Keycloak.ISSUER);
        consoleEnv.put("INVENTORY_URL", "http://127.0.0.1:" + inventoryPort);
        consoleEnv.put("LOSS_REPORT_URL", "http://127.0.0.1:" + lossReportPort);
        consoleEnv.put("CHECKIN_URL", "http://127.0.0.1:" + checkinPort);
        consoleEnv.put("DISTRICT_TIME_ZONE", ZONE);
        console = new ServiceProcess(
                "console", consoleJar, consolePort, logs.resolve("console.log"), jvm("-Xmx128m"), consoleEnv);

        Runtime.getRuntime().addShutdownHook(shutdownHook);
        long started = System.nanoTime();
        log("Starting " + inventory + ", " + lossReport + ", " + checkin + ", " + console + " (run " + run + ")");
        List<ServiceProcess> all = List.of(inventory, lossReport, checkin, console);
        all.forEach(ServiceProcess::start);
        try {
            CompletableFuture.allOf(all.stream()
                            .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(STARTUP)))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        }
        log("All four services ready after " + (System.nanoTime() - started) / 1_000_000_000 + " s");
    }

    /** The running system, started on first use. */
    static synchronized DistrictSystem get(ExtensionContext context) {
        if (current == null) {
            current = context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(DistrictSystem.class, k -> new DistrictSystem(), DistrictSystem.class);
        }
        return current;
    }

    static DistrictSystem current() {
        if (current == null) {
            throw new IllegalStateException("The system is not started: add @ExtendWith(SystemExtension.class)");
        }
        return current;
    }

    /** A short id unique in this run, for asset tags, serial numbers and district ids. */
    String id(String prefix) {
        return prefix + "-" + run + "-" + sequence.incrementAndGet();
    }

    /** This run's school: dashboards and lists are filtered to it, so other tests' devices never get in the way. */
    String school() {
        return "E2E-" + run;
    }

    String inventory(String path) {
        return inventory.baseUrl() + path;
    }

    String lossReport(String path) {
        return lossReport.baseUrl() + path;
    }

    String checkin(String path) {
        return checkin.baseUrl() + path;
    }

    /**
     * A page of the console as a browser opens it: at {@code localhost}, where browsers keep the {@code __Host-}
     * cookies of a plain-HTTP page (the realm's console client admits both addresses).
     */
    String consolePage(String path) {
        return "http://localhost:" + console.port + path;
    }

    /** An address where loss-report-service once served pages, as a browser opens it (it leads into the console). */
    String lossReportPage(String path) {
        return "http://localhost:" + lossReport.port + path;
    }

    /** An address where checkin-service once served its dashboard, as a browser opens it (it leads into the console). */
    String checkinPage(String path) {
        return "http://localhost:" + checkin.port + path;
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private synchronized void stopAll() {
        for (ServiceProcess p : new ServiceProcess[] {inventory, lossReport, checkin, console}) {
            if (p != null) {
                p.stop();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    private static List<String> jvm(String... options) {
        List<String> all = new java.util.ArrayList<>(List.of(options));
        all.add("-Dquarkus.profile=local");
        all.add("-Dquarkus.http.host=127.0.0.1");
        all.add("-XX:+UseSerialGC");
        all.add("-XX:TieredStopAtLevel=1");
        return all;
    }

    /**
     * Copies a service's packaged application into this module's target, so a rebuild of the service while the tests
     * run cannot pull files from under a running process.
     */
    private Path copyApp(String module, Path apps) {
        Path source = root.resolve(module).resolve("target").resolve("quarkus-app");
        if (!Files.isRegularFile(source.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(source.resolve("quarkus-run.jar") + " is missing: package the services"
                    + " first (mvn -B install -DskipTests, or run the whole build).");
        }
        Path copy = apps.resolve(module);
        try {
            deleteTree(copy);
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(copy.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(
                            file,
                            copy.resolve(source.relativize(file).toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source, e);
        }
        return copy.resolve("quarkus-run.jar");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void requireBroker() {
        String[] hostPort = KAFKA.split(",")[0].split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 3000);
        } catch (IOException e) {
            throw new IllegalStateException("The test Kafka broker " + KAFKA
                    + " is not running: start it with bash scripts/kafka.sh start test");
        }
    }

    /** The identity provider's realm answers (its discovery document), or the run stops with what to start. */
    private static void requireIdentityProvider() {
        String discovery = Keycloak.ISSUER + "/.well-known/openid-configuration";
        try {
            Http.Reply reply = Http.get(discovery, null);
            if (reply.status() != 200) {
                throw new IllegalStateException(discovery + " answered " + reply);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "The tests' identity provider is not running at " + Keycloak.URL
                            + ": start it with bash scripts/keycloak.sh start test (" + e.getMessage() + ")",
                    e);
        }
    }

    private static int requireFreePort(int port, String client) {
        if (freePort(port) != port) {
            throw new IllegalStateException(
                    "Port " + port + " is taken: the identity provider sends browsers back to the" + " client " + client
                            + " at this port only. Stop what listens there and run again.");
        }
        return port;
    }

    private static int freePort(int preferred) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", preferred));
            return preferred;
        } catch (IOException busy) {
            try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void log(String line) {
        System.out.println("[system-tests] " + line);
    }
}
