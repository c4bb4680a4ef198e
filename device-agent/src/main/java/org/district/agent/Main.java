package org.district.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The agent's command line.
 *
 * <pre>
 * java -jar device-agent.jar enrol --config FILE CODE   exchange IT's one-time code for the device's credential
 * java -jar device-agent.jar run   --config FILE        the check-in loop (until SIGTERM)
 * java -jar device-agent.jar once  --config FILE        one check-in now, with a one-line summary
 * java -jar device-agent.jar facts --config FILE        the facts a check-in would send, as JSON
 * </pre>
 *
 * Exit codes: 0 done; 1 the server could not be reached or answered with an error; 2 the server refused (a wrong,
 * used or expired code; a refused credential; a malformed check-in) or the device is not enrolled; 64 wrong usage;
 * 77 run as the wrong user; 78 a bad configuration.
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;
    static final int USAGE = 64;
    static final int WRONG_USER = 77;
    static final int BAD_CONFIG = 78;

    /** Held so that the level set on it is not lost to garbage collection. */
    private static final Logger AGENT_LOG = Logger.getLogger("org.district.agent");

    private static final String USAGE_TEXT = String.join(
            "\n",
            "usage: java -jar device-agent.jar COMMAND [--config FILE] [CODE]",
            "  enrol --config FILE CODE   exchange IT's one-time enrolment code for this device's credential",
            "  run   --config FILE        check in on schedule until stopped",
            "  once  --config FILE        check in once now and print a summary",
            "  facts --config FILE        print the facts a check-in would send",
            "FILE defaults to " + AgentConfig.DEFAULT_FILE);

    private Main() {}

    public static void main(String[] args) {
        boolean loop = args.length > 0 && args[0].equals("run");
        configureLogging(loop ? Level.INFO : Level.WARNING);
        int code = execute(args, System.out, System.err);
        if (!loop || code != OK) {
            System.exit(code);
        }
    }

    /** Runs one command line; returns the exit code. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        Path configFile = AgentConfig.DEFAULT_FILE;
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else if (args[i].startsWith("--config=")) {
                configFile = Path.of(args[i].substring("--config=".length()));
            } else if (args[i].startsWith("--")) {
                err.println("unknown option " + args[i] + "\n" + USAGE_TEXT);
                return USAGE;
            } else {
                positional.add(args[i]);
            }
        }
        boolean takesCode = command.equals("enrol");
        if (!List.of("enrol", "run", "once", "facts").contains(command) || positional.size() != (takesCode ? 1 : 0)) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        AgentConfig config;
        try {
            config = AgentConfig.load(configFile);
        } catch (AgentConfig.ConfigException e) {
            err.println("configuration: " + e.getMessage());
            return BAD_CONFIG;
        }
        if (!command.equals("facts")) {
            Optional<String> wrongUser = wrongUser(config);
            if (wrongUser.isPresent()) {
                err.println(wrongUser.get());
                return WRONG_USER;
            }
        }
        try {
            return switch (command) {
                case "enrol" -> enrol(config, positional.get(0), out, err);
                case "run" -> run(config);
                case "once" -> once(config, out, err);
                default -> facts(config, out);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (IOException e) {
            err.println(command + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    // ---------------------------------------------------------------- commands

    static int enrol(AgentConfig config, String code, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        String trimmed = code.strip();
        if (trimmed.isEmpty()
                || trimmed.length() > 64
                || !Text.stripControl(trimmed).equals(trimmed)) {
            err.println("the enrolment code is IT's one-time code, like ABCD-EFGH-JKMN-PQRS");
            return USAGE;
        }
        ServerClient client = new ServerClient(config.serverUrl(), transport(), Clock.systemUTC());
        ServerClient.EnrolOutcome outcome;
        try {
            outcome = client.enrol(trimmed);
        } catch (IOException e) {
            err.println("cannot reach " + config.serverUrl() + ": " + e);
            return FAILED;
        }
        if (outcome instanceof ServerClient.EnrolRefused refused) {
            err.println(refused.problem().summary());
            return refused.status() >= 500 ? FAILED : REFUSED;
        }
        ServerClient.Enrolled enrolled = (ServerClient.Enrolled) outcome;
        new CredentialStore(config.credentialFile()).write(enrolled.credential());
        out.println("enrolled as device " + Text.stripControl(String.valueOf(enrolled.deviceId()))
                + "; credential stored in " + config.credentialFile());
        return OK;
    }

    static int run(AgentConfig config) throws InterruptedException {
        CheckInLoop loop = loop(config, transport(), Clock.systemUTC());
        Thread main = Thread.currentThread();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            loop.stop();
                            main.interrupt();
                            try {
                                main.join(20_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "agent-shutdown"));
        try {
            loop.run();
        } catch (InterruptedException e) {
            Logger.getLogger(Main.class.getName()).info("device agent stopped");
        }
        return OK;
    }

    static int once(AgentConfig config, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        CheckInLoop.Cycle cycle = loop(config, transport(), Clock.systemUTC()).checkInOnce();
        long nextIn =
                Math.max(0, Duration.between(Instant.now(), cycle.nextDueAt()).toSeconds());
        if (cycle.kind() == CheckInLoop.Kind.ACCEPTED) {
            CheckInReply r = cycle.reply();
            String issues = r.complianceIssues().stream()
                    .map(i -> Text.stripControl(String.valueOf(i.code())))
                    .collect(Collectors.joining(", "));
            out.println("check-in accepted: device " + Text.stripControl(String.valueOf(r.deviceId()))
                    + ", compliant " + (Boolean.TRUE.equals(r.compliant()) ? "yes" : "no")
                    + (issues.isEmpty() ? "" : " (" + issues + ")")
                    + ", " + cycle.resultsReported() + " result(s) reported, " + cycle.commandsRun()
                    + " command(s) carried out, next check-in in " + nextIn + " s");
            return OK;
        }
        String http = cycle.status() == 0 ? "" : " (HTTP " + cycle.status() + ")";
        String detail = cycle.detail() == null ? "" : ": " + cycle.detail();
        err.println(
                switch (cycle.kind()) {
                    case NOT_ENROLLED -> "not enrolled: run the enrol command with a code from IT";
                    case CREDENTIAL_REFUSED -> "credential refused; re-enrol" + http + detail;
                    case REJECTED -> "check-in rejected as malformed" + http + detail;
                    default -> "check-in failed" + http + detail;
                });
        return cycle.kind() == CheckInLoop.Kind.RETRY_LATER ? FAILED : REFUSED;
    }

    static int facts(AgentConfig config, PrintStream out) throws IOException {
        boolean locked = Files.isReadable(config.stateFile()) && new StateStore(config.stateFile()).load().locked;
        CheckInBody body = CheckInBody.of(collector(config).collect(), locked, List.of());
        ObjectNode json = Json.MAPPER.valueToTree(body);
        json.remove("completedCommands");
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return OK;
    }

    // ---------------------------------------------------------------- wiring

    static CheckInLoop loop(AgentConfig config, Transport transport, Clock clock) {
        CommandRunner runner = new ProcessCommandRunner();
        return new CheckInLoop(
                CheckInLoop.Settings.of(config),
                clock,
                Sleeper.system(),
                new SecureRandom(),
                new ServerClient(config.serverUrl(), transport, clock),
                new CredentialStore(config.credentialFile()),
                new StateStore(config.stateFile()),
                collector(config),
                new CommandExecutor(
                        new SystemLockAction(runner, config.lockMessageFile()),
                        new ExecutableWipeAction(runner, config.wipeCommand()),
                        config.wipeEnabled()));
    }

    /** The collector for the operating system the agent runs on. */
    static FactCollector collector(AgentConfig config) {
        CommandRunner runner = new ProcessCommandRunner();
        SiteResolver sites = new SiteResolver(config.site(), config.siteMap());
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new WindowsFactCollector(runner, sites, ZoneId.systemDefault());
        }
        if (os.startsWith("mac")) {
            return new MacFactCollector(runner, sites);
        }
        return new LinuxFactCollector(runner, sites);
    }

    private static Transport transport() {
        return new HttpClientTransport("district-device-agent/" + version());
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * A message when the agent's files belong to another user than the one running it: writing them as root would
     * leave files the service's user cannot read.
     */
    private static Optional<String> wrongUser(AgentConfig config) {
        Path dir = config.stateFile().toAbsolutePath().getParent();
        String me = System.getProperty("user.name");
        try {
            if (dir != null && Files.isDirectory(dir)) {
                String owner = Files.getOwner(dir).getName();
                if (!owner.equals(me)) {
                    return Optional.of("the agent's files in " + dir + " belong to " + owner + "; run this as " + owner
                            + " (for example: sudo -u " + owner + " java -jar ...)");
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // No owner to compare with: nothing to warn about.
        }
        return Optional.empty();
    }

    /** One line per record on standard error (journald adds the time): "LEVEL: message". */
    static void configureLogging(Level level) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            h.setLevel(level);
            h.setFormatter(new Formatter() {
                @Override
                public String format(LogRecord r) {
                    String text = r.getLevel() + ": " + formatMessage(r);
                    if (r.getThrown() != null && r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                        text += " (" + r.getThrown() + ")";
                    }
                    return text + System.lineSeparator();
                }
            });
        }
        AGENT_LOG.setLevel(level);
    }
}
