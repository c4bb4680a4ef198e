package org.district.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether the session is protected by a password screen lock, reported true only on evidence the agent can read:
 *
 * <ol>
 *   <li>a district dconf policy that sets and locks {@code org/gnome/desktop/screensaver lock-enabled} (readable by
 *       anyone under /etc/dconf, and users cannot change a locked key), else
 *   <li>{@code gsettings get org.gnome.desktop.screensaver lock-enabled} for the active session's user, which the agent
 *       can ask only as that user or as root;
 *   <li>then {@code passwd -S USER} (again only as that user or root): an account without a password ({@code NP})
 *       makes the lock worthless, so false.
 * </ol>
 *
 * Without lock evidence the answer is null (unknown); it is never guessed true.
 */
final class LinuxScreenLock {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SCHEMA_PATH = "org/gnome/desktop/screensaver";
    private static final String KEY = "lock-enabled";
    private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}\\$?");

    private LinuxScreenLock() {}

    static Boolean read(Path root, CommandRunner runner, String agentUser) {
        Optional<Boolean> lock = dconfPolicy(root);
        Optional<String> user = activeSessionUser(runner);
        boolean mayAsk = user.isPresent() && (user.get().equals(agentUser) || "root".equals(agentUser));
        if (lock.isEmpty() && mayAsk) {
            lock = asUser(runner, user.get(), agentUser, "gsettings", "get", "org.gnome.desktop.screensaver", KEY)
                    .map(String::strip)
                    .filter(s -> s.equals("true") || s.equals("false"))
                    .map(Boolean::valueOf);
        }
        if (lock.isEmpty()) {
            return null;
        }
        if (!lock.get()) {
            return false;
        }
        if (mayAsk) {
            Optional<String> status = asUser(runner, user.get(), agentUser, "passwd", "-S", user.get())
                    .map(s -> s.strip().split("\\s+"))
                    .filter(f -> f.length >= 2)
                    .map(f -> f[1]);
            if (status.filter("NP"::equals).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** The value of a locked {@code lock-enabled} key in the system dconf databases the user profile names. */
    static Optional<Boolean> dconfPolicy(Path root) {
        Optional<List<String>> profile = MachineFiles.lines(root.resolve("etc/dconf/profile/user"));
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Optional<Boolean> result = Optional.empty();
        for (String line : profile.get()) {
            String entry = line.strip();
            if (!entry.startsWith("system-db:")) {
                continue;
            }
            Path dir = root.resolve("etc/dconf/db").resolve(entry.substring("system-db:".length()) + ".d");
            boolean locked = MachineFiles.list(dir.resolve("locks")).stream()
                    .flatMap(f -> MachineFiles.lines(f).orElse(List.of()).stream())
                    .anyMatch(l -> l.strip().equals("/" + SCHEMA_PATH + "/" + KEY));
            if (!locked) {
                continue;
            }
            for (Path keyfile : MachineFiles.list(dir)) {
                if (Files.isRegularFile(keyfile)) {
                    Optional<Boolean> value =
                            keyfileValue(MachineFiles.lines(keyfile).orElse(List.of()));
                    if (value.isPresent()) {
                        result = value; // later files override earlier ones, as dconf compiles them
                    }
                }
            }
            if (result.isPresent()) {
                return result; // the first system database in the profile takes precedence
            }
        }
        return result;
    }

    private static Optional<Boolean> keyfileValue(List<String> lines) {
        boolean inSection = false;
        Optional<Boolean> value = Optional.empty();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inSection = line.equals("[" + SCHEMA_PATH + "]");
            } else if (inSection && line.startsWith(KEY)) {
                String v = line.substring(KEY.length()).strip();
                if (v.startsWith("=")) {
                    v = v.substring(1).strip();
                    if (v.equals("true") || v.equals("false")) {
                        value = Optional.of(Boolean.valueOf(v));
                    }
                }
            }
        }
        return value;
    }

    /** The user of seat0's active session, from logind. */
    static Optional<String> activeSessionUser(CommandRunner runner) {
        return runner.stdoutIfOk(TIMEOUT, "loginctl", "show-seat", "seat0", "-p", "ActiveSession", "--value")
                .map(String::strip)
                .filter(id -> id.matches("[A-Za-z0-9]+"))
                .flatMap(id -> runner.stdoutIfOk(TIMEOUT, "loginctl", "show-session", id, "-p", "Name", "--value"))
                .map(String::strip)
                .filter(name -> USER_NAME.matcher(name).matches());
    }

    private static Optional<String> asUser(CommandRunner runner, String user, String agentUser, String... command) {
        if (user.equals(agentUser)) {
            return runner.stdoutIfOk(TIMEOUT, command);
        }
        String[] full = new String[command.length + 4];
        full[0] = "runuser";
        full[1] = "-u";
        full[2] = user;
        full[3] = "--";
        System.arraycopy(command, 0, full, 4, command.length);
        return runner.stdoutIfOk(TIMEOUT, full);
    }
}
