package org.district.agent;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Mac's facts from {@code sw_vers}, {@code fdesetup status}, {@code softwareupdate --history},
 * {@code system_profiler SPInstallHistoryDataType} (XProtect) and {@code route}/{@code ipconfig}. Password protection
 * is not read on macOS (unknown).
 */
public final class MacFactCollector implements FactCollector {

    private static final Logger LOG = Logger.getLogger(MacFactCollector.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})\\b");
    private static final Pattern SECURITY_DATA =
            Pattern.compile("XProtect|MRT|Gatekeeper|ConfigData|Compatibility Data");

    private final CommandRunner runner;
    private final SiteResolver sites;

    public MacFactCollector(CommandRunner runner, SiteResolver sites) {
        this.runner = runner;
        this.sites = sites;
    }

    @Override
    public Facts collect() {
        Map<String, String> route = guard(() -> keyValues(run("route", "-n", "get", "default")), Map.of());
        String iface = route.get("interface");
        String ip = iface == null || !iface.matches("[A-Za-z0-9]+")
                ? null
                : guard(
                        () -> run("ipconfig", "getifaddr", iface)
                                .map(String::strip)
                                .orElse(null),
                        null);
        return new Facts(
                guard(() -> os(run("sw_vers")), Facts.Os.of("macOS", null, null)),
                guard(() -> lastPatchDate(run("softwareupdate", "--history")), null),
                guard(() -> xprotect(run("system_profiler", "SPInstallHistoryDataType")), null),
                guard(() -> fileVault(run("fdesetup", "status")), null),
                null,
                Facts.Network.of(sites.resolve(route.get("gateway"), ip), ip == null ? Facts.NO_ADDRESS : ip));
    }

    private Optional<String> run(String... command) {
        return runner.stdoutIfOk(TIMEOUT, command);
    }

    /** ProductName, ProductVersion and BuildVersion of {@code sw_vers}. */
    static Facts.Os os(Optional<String> swVers) {
        Map<String, String> v = keyValues(swVers);
        return Facts.Os.of(v.getOrDefault("ProductName", "macOS"), v.get("ProductVersion"), v.get("BuildVersion"));
    }

    /** "FileVault is On." is true, "FileVault is Off." false, anything else unknown. */
    static Boolean fileVault(Optional<String> status) {
        if (status.isEmpty()) {
            return null;
        }
        String s = status.get();
        if (s.contains("FileVault is On")) {
            return true;
        }
        if (s.contains("FileVault is Off")) {
            return false;
        }
        return null;
    }

    /**
     * The newest date in {@code softwareupdate --history}'s Date column ({@code 08/13/2024, 10:05:11}), leaving out the
     * background security data updates (XProtect, MRT, Gatekeeper), which are not OS patches.
     */
    static LocalDate lastPatchDate(Optional<String> history) {
        if (history.isEmpty()) {
            return null;
        }
        LocalDate newest = null;
        for (String line : history.get().lines().toList()) {
            if (SECURITY_DATA.matcher(line).find()) {
                continue;
            }
            newest = LinuxPatchHistory.later(newest, usDate(line));
        }
        return newest;
    }

    /**
     * XProtect's newest install in the install history ({@code Install Date: 8/20/24, 3:12 AM}), as the antivirus with
     * its definitions date; null when the history names none.
     */
    static Facts.Antivirus xprotect(Optional<String> installHistory) {
        if (installHistory.isEmpty()) {
            return null;
        }
        LocalDate newest = null;
        String version = null;
        boolean inXProtect = false;
        String currentVersion = null;
        for (String raw : installHistory.get().lines().toList()) {
            String line = raw.strip();
            if (line.endsWith(":") && !line.startsWith("Install Date") && !line.contains(": ")) {
                inXProtect = line.startsWith("XProtect");
                currentVersion = null;
            } else if (inXProtect && line.startsWith("Version:")) {
                currentVersion = line.substring("Version:".length()).strip();
            } else if (inXProtect && line.startsWith("Install Date:")) {
                Optional<LocalDate> d = usDate(line);
                if (d.isPresent() && (newest == null || !d.get().isBefore(newest))) {
                    newest = d.get();
                    version = currentVersion;
                }
            }
        }
        if (newest == null) {
            return null;
        }
        return Facts.Antivirus.of(version == null ? "XProtect" : "XProtect " + version, newest);
    }

    private static Optional<LocalDate> usDate(String line) {
        Matcher m = US_DATE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String year = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
        try {
            return Optional.of(LocalDate.parse(
                    year + "-" + pad(m.group(1)) + "-" + pad(m.group(2)), DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }

    /** {@code key: value} lines (sw_vers, route). */
    static Map<String, String> keyValues(Optional<String> output) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.map(o -> o.lines().toList()).orElse(List.of())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        return values;
    }

    private static <T> T guard(Supplier<T> read, T unknown) {
        try {
            T value = read.get();
            return value == null ? unknown : value;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot read a fact; reported unknown", e);
            return unknown;
        }
    }
}
