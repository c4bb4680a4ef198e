package org.district.agent;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * The agent's configuration, read from a Java properties file (UTF-8, so that site names may carry accents).
 *
 * @param serverUrl the check-in service's base URL, without a trailing slash
 * @param credentialFile where the device's credential is kept (0600, in a 0700 directory)
 * @param stateFile where the schedule, pending command results and lock state are kept
 * @param site a fixed site name, or null to look the site up in {@code siteMap}
 * @param siteMap IT's published file of {@code CIDR SITE NAME} lines, or null
 * @param wipeEnabled whether a WIPE command may run {@code wipeCommand}
 * @param wipeCommand the executable IT installs to wipe the device, or null
 * @param lockMessageFile where a LOCK command's message is written
 * @param defaultInterval the check-in interval until the server names one
 * @param backoffInitial the first wait after a failed check-in
 * @param backoffMax the longest wait after failed check-ins
 * @param jitterFraction how far each regular wait is spread, as a fraction of it (0.1 = plus or minus 10 %)
 */
public record AgentConfig(
        URI serverUrl,
        Path credentialFile,
        Path stateFile,
        String site,
        Path siteMap,
        boolean wipeEnabled,
        Path wipeCommand,
        Path lockMessageFile,
        Duration defaultInterval,
        Duration backoffInitial,
        Duration backoffMax,
        double jitterFraction) {

    /** Where the installer writes the configuration. */
    public static final Path DEFAULT_FILE = Path.of("/etc/district-agent/agent.properties");

    /** A configuration the agent cannot run with; the message says which key and why. */
    public static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }

    /** Reads and checks the file. */
    public static AgentConfig load(Path file) throws ConfigException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        return from(p);
    }

    /** Checks the properties and applies the defaults. */
    public static AgentConfig from(Properties p) throws ConfigException {
        String url = trimmed(p, "server.url");
        if (url == null) {
            throw new ConfigException("server.url is required (for example https://checkin.district.example)");
        }
        URI serverUrl;
        try {
            serverUrl = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw new ConfigException("server.url is not a URL: " + e.getMessage());
        }
        String scheme =
                serverUrl.getScheme() == null ? "" : serverUrl.getScheme().toLowerCase(Locale.ROOT);
        boolean allowHttp = bool(p, "server.allow-http", false);
        if (serverUrl.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && allowHttp))) {
            throw new ConfigException("server.url must be an https:// URL with a host"
                    + (scheme.equals("http") ? " (http only with server.allow-http=true, for tests)" : ""));
        }
        Duration interval = seconds(p, "checkin.default-interval-seconds", 3600);
        Duration initial = seconds(p, "backoff.initial-seconds", 30);
        Duration max = seconds(p, "backoff.max-seconds", 3600);
        if (initial.compareTo(max) > 0) {
            throw new ConfigException("backoff.initial-seconds must not exceed backoff.max-seconds");
        }
        double jitter;
        String jitterText = trimmed(p, "jitter.fraction");
        try {
            jitter = jitterText == null ? 0.1 : Double.parseDouble(jitterText);
        } catch (NumberFormatException e) {
            throw new ConfigException("jitter.fraction must be a number in [0, 1)");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new ConfigException("jitter.fraction must be a number in [0, 1)");
        }
        return new AgentConfig(
                serverUrl,
                path(p, "credential.file", "/var/lib/district-agent/credential"),
                path(p, "state.file", "/var/lib/district-agent/state.json"),
                trimmed(p, "site"),
                path(p, "site.map", null),
                bool(p, "wipe.enabled", false),
                path(p, "wipe.command", null),
                path(p, "lock.message.file", "/run/district-agent/lock-message"),
                interval,
                initial,
                max,
                jitter);
    }

    private static String trimmed(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
    }

    private static Path path(Properties p, String key, String defaultValue) {
        String value = trimmed(p, key);
        if (value == null) {
            return defaultValue == null ? null : Path.of(defaultValue);
        }
        return Path.of(value);
    }

    private static boolean bool(Properties p, String key, boolean defaultValue) throws ConfigException {
        String value = trimmed(p, key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(key + " must be true or false");
        };
    }

    private static Duration seconds(Properties p, String key, long defaultValue) throws ConfigException {
        String value = trimmed(p, key);
        if (value == null) {
            return Duration.ofSeconds(defaultValue);
        }
        try {
            long s = Long.parseLong(value);
            if (s <= 0 || s > Duration.ofDays(30).toSeconds()) {
                throw new ConfigException(
                        key + " must be between 1 and " + Duration.ofDays(30).toSeconds());
            }
            return Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number of seconds");
        }
    }
}
