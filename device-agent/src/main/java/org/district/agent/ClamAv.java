package org.district.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClamAV, when {@code clamscan} or {@code freshclam} is installed. {@code clamscan --version} prints
 * {@code ClamAV 1.0.7/27473/Wed Dec  3 09:25:02 2026}: the engine version, the signature database version and the
 * database's date. Without a database date there, the newest *.cvd or *.cld in /var/lib/clamav gives it.
 */
final class ClamAv {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> BIN_DIRS =
            List.of("usr/bin", "usr/sbin", "usr/local/bin", "usr/local/sbin", "bin", "sbin");
    private static final Pattern VERSION = Pattern.compile("ClamAV\\s+([0-9][^/\\s]*)(?:/(\\d+)/(.*))?");
    private static final Pattern CTIME_DATE =
            Pattern.compile("([A-Z][a-z]{2})\\s+(\\d{1,2})\\s+\\d{1,2}:\\d{2}:\\d{2}\\s+(\\d{4})");

    private ClamAv() {}

    static Optional<Facts.Antivirus> read(Path root, CommandRunner runner, ZoneId zone) {
        if (!installed(root, "clamscan") && !installed(root, "freshclam")) {
            return Optional.empty();
        }
        Optional<String> version = runner.stdoutIfOk(TIMEOUT, "clamscan", "--version")
                .or(() -> runner.stdoutIfOk(TIMEOUT, "freshclam", "--version"));
        Parsed parsed = version.map(ClamAv::parse).orElse(new Parsed(null, null));
        LocalDate definitions = parsed.definitionsDate() != null
                ? parsed.definitionsDate()
                : newestDatabase(root.resolve("var/lib/clamav"), zone).orElse(null);
        String product = parsed.version() == null ? "ClamAV" : "ClamAV " + parsed.version();
        return Optional.ofNullable(Facts.Antivirus.of(product, definitions));
    }

    static boolean installed(Path root, String program) {
        return BIN_DIRS.stream()
                .anyMatch(dir -> Files.isRegularFile(root.resolve(dir).resolve(program)));
    }

    /** The engine version and the database date from a {@code --version} line. */
    record Parsed(String version, LocalDate definitionsDate) {}

    static Parsed parse(String output) {
        Matcher m = VERSION.matcher(output.strip());
        if (!m.find()) {
            return new Parsed(null, null);
        }
        LocalDate date = null;
        if (m.group(3) != null) {
            Matcher d = CTIME_DATE.matcher(m.group(3));
            if (d.find()) {
                date = date(d.group(1), d.group(2), d.group(3));
            }
        }
        return new Parsed(m.group(1), date);
    }

    private static LocalDate date(String month, String day, String year) {
        for (Month candidate : Month.values()) {
            if (candidate.name().substring(0, 3).equals(month.toUpperCase(Locale.ROOT))) {
                try {
                    return LocalDate.of(Integer.parseInt(year), candidate, Integer.parseInt(day));
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static Optional<LocalDate> newestDatabase(Path dir, ZoneId zone) {
        LocalDate newest = null;
        for (Path file : MachineFiles.list(dir)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".cvd") || name.endsWith(".cld")) {
                try {
                    LocalDate d =
                            LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), zone);
                    newest = LinuxPatchHistory.later(newest, Optional.of(d));
                } catch (IOException e) {
                    // Unreadable: it says nothing about the definitions.
                }
            }
        }
        return Optional.ofNullable(newest);
    }
}
