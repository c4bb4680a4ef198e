package org.district.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local date of the newest installed update on Linux: apt's history (with its rotated and compressed copies),
 * unattended-upgrades' log, and {@code dnf history list} where dnf is installed. The logs hold local times, so their
 * dates are the machine's local dates as written.
 */
final class LinuxPatchHistory {

    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern APT_LOG = Pattern.compile("history\\.log(\\.\\d+)?(\\.gz)?");
    private static final Pattern UU_LOG = Pattern.compile("unattended-upgrades\\.log(\\.\\d+)?(\\.gz)?");
    private static final Pattern DNF_ACTION =
            Pattern.compile("(?i)\\b(install|upgrade|upgraded|update|updated|reinstall|downgrade|I|U)\\b");

    private LinuxPatchHistory() {}

    static Optional<LocalDate> newest(Path root, CommandRunner runner) {
        LocalDate newest = null;
        for (Path log : MachineFiles.list(root.resolve("var/log/apt"))) {
            if (APT_LOG.matcher(log.getFileName().toString()).matches()) {
                newest = later(newest, MachineFiles.lines(log).flatMap(LinuxPatchHistory::fromAptHistory));
            }
        }
        for (Path log : MachineFiles.list(root.resolve("var/log/unattended-upgrades"))) {
            if (UU_LOG.matcher(log.getFileName().toString()).matches()) {
                newest = later(newest, MachineFiles.lines(log).flatMap(LinuxPatchHistory::fromUnattendedUpgrades));
            }
        }
        if (Files.exists(root.resolve("usr/bin/dnf"))) {
            newest = later(
                    newest,
                    runner.stdoutIfOk(Duration.ofSeconds(30), "dnf", "history", "list")
                            .flatMap(out -> fromDnfHistory(out.lines().toList())));
        }
        return Optional.ofNullable(newest);
    }

    /** The newest {@code Start-Date} of an entry that installed or upgraded packages. */
    static Optional<LocalDate> fromAptHistory(List<String> lines) {
        LocalDate newest = null;
        LocalDate entryDate = null;
        for (String line : lines) {
            if (line.isBlank()) {
                entryDate = null;
            } else if (line.startsWith("Start-Date:")) {
                entryDate = date(line).orElse(null);
            } else if (entryDate != null && (line.startsWith("Upgrade:") || line.startsWith("Install:"))) {
                newest = later(newest, Optional.of(entryDate));
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The newest date of a line saying packages will be upgraded or all upgrades were installed. */
    static Optional<LocalDate> fromUnattendedUpgrades(List<String> lines) {
        LocalDate newest = null;
        for (String line : lines) {
            if (line.contains("Packages that will be upgraded") || line.contains("All upgrades installed")) {
                if (line.length() >= 10) {
                    newest = later(newest, date(line.substring(0, 10)));
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The newest date of a {@code dnf history list} row that installed or upgraded packages. */
    static Optional<LocalDate> fromDnfHistory(List<String> lines) {
        LocalDate newest = null;
        for (String line : lines) {
            Matcher m = DATE.matcher(line);
            if (m.find() && DNF_ACTION.matcher(line.substring(m.end())).find()) {
                newest = later(newest, date(m.group(1)));
            }
        }
        return Optional.ofNullable(newest);
    }

    private static Optional<LocalDate> date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static LocalDate later(LocalDate current, Optional<LocalDate> candidate) {
        if (candidate.isEmpty()) {
            return current;
        }
        return current == null || candidate.get().isAfter(current) ? candidate.get() : current;
    }
}
