package org.district.checkin.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.district.checkin.config.ComplianceBaseline;
import org.district.contracts.inventory.DeviceType;

/** Measures one check-in against the {@link ComplianceBaseline}. Pure and fast: it runs for every check-in. */
@ApplicationScoped
public class ComplianceEvaluator {

    /** Platform keys, matched against the OS name the agent reports (lower case, spaces removed). */
    private static final List<Map.Entry<String, String>> PLATFORMS = List.of(
            Map.entry("windows", "windows"),
            Map.entry("macos", "macos"),
            Map.entry("osx", "macos"),
            Map.entry("chromeos", "chromeos"),
            Map.entry("chromiumos", "chromeos"),
            Map.entry("ipados", "ios"),
            Map.entry("ios", "ios"),
            Map.entry("android", "android"),
            Map.entry("linux", "linux"),
            Map.entry("ubuntu", "linux"),
            Map.entry("debian", "linux"));

    @Inject
    ComplianceBaseline baseline;

    /** What the evaluation needs to know about the device and what it reported. */
    public record Facts(
            DeviceType type,
            boolean sensitiveData,
            String osName,
            String osVersion,
            LocalDate lastPatchDate,
            String antivirusProduct,
            LocalDate antivirusDefinitionsDate,
            Boolean diskEncrypted,
            Boolean screenLock,
            boolean updatesEnded) {}

    public List<ComplianceIssue> evaluate(Facts facts, LocalDate today) {
        List<ComplianceIssue> issues = new ArrayList<>(2);
        String platform = platform(facts.osName());
        String minimum = platform == null ? null : baseline.minOsVersion().get(platform);
        if (minimum != null && compareVersions(facts.osVersion(), minimum) < 0) {
            issues.add(ComplianceIssue.OS_VERSION_TOO_OLD);
        }
        if (facts.updatesEnded()) {
            // Past its end of updates (a Chromebook's auto-update expiration): whatever it last got, it is not patched.
            issues.add(ComplianceIssue.PATCHES_TOO_OLD);
        } else if (facts.lastPatchDate() == null) {
            issues.add(ComplianceIssue.PATCH_DATE_MISSING);
        } else if (facts.lastPatchDate().isBefore(today.minusDays(baseline.maxPatchAgeDays()))) {
            issues.add(ComplianceIssue.PATCHES_TOO_OLD);
        }
        boolean hasAntivirus =
                facts.antivirusProduct() != null && !facts.antivirusProduct().isBlank();
        if (!hasAntivirus) {
            if (platform != null && baseline.antivirusRequiredPlatforms().contains(platform)) {
                issues.add(ComplianceIssue.ANTIVIRUS_MISSING);
            }
        } else if (facts.antivirusDefinitionsDate() == null
                || facts.antivirusDefinitionsDate().isBefore(today.minusDays(baseline.maxAntivirusAgeDays()))) {
            issues.add(ComplianceIssue.ANTIVIRUS_DEFINITIONS_TOO_OLD);
        }
        if (baseline.passwordRequired()) {
            if (facts.screenLock() == null) {
                issues.add(ComplianceIssue.PASSWORD_PROTECTION_UNKNOWN);
            } else if (!facts.screenLock()) {
                issues.add(ComplianceIssue.PASSWORD_PROTECTION_OFF);
            }
        }
        boolean encryptionRequired =
                facts.sensitiveData() || baseline.encryptionRequiredTypes().contains(facts.type());
        if (encryptionRequired) {
            if (facts.diskEncrypted() == null) {
                issues.add(ComplianceIssue.DISK_ENCRYPTION_UNKNOWN);
            } else if (!facts.diskEncrypted()) {
                issues.add(ComplianceIssue.DISK_ENCRYPTION_OFF);
            }
        }
        return issues;
    }

    /** The baseline's platform key for an OS name, or null when the OS is not one the baseline knows. */
    public static String platform(String osName) {
        if (osName == null) {
            return null;
        }
        String normalised = osName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (Map.Entry<String, String> entry : PLATFORMS) {
            if (normalised.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * Compares dotted versions numerically part by part ("10.0.19045" &gt; "10.0.9200"); a missing part counts as 0,
     * a non-numeric suffix of a part is ignored. An unreadable version counts as older than any minimum.
     */
    public static int compareVersions(String version, String minimum) {
        if (version == null || version.isBlank()) {
            return -1;
        }
        String[] a = version.trim().split("[.\\-_ ]");
        String[] b = minimum.trim().split("[.\\-_ ]");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? leadingNumber(a[i]) : 0;
            long y = i < b.length ? leadingNumber(b[i]) : 0;
            if (x < 0) {
                return -1;
            }
            if (x != y) {
                return Long.compare(x, Math.max(y, 0));
            }
        }
        return 0;
    }

    private static long leadingNumber(String part) {
        int end = 0;
        while (end < part.length() && end < 12 && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Long.parseLong(part.substring(0, end));
    }
}
