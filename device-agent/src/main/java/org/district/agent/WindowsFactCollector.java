package org.district.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a Windows machine's facts from PowerShell cmdlets' JSON ({@code ConvertTo-Json}), in the forms both Windows
 * PowerShell 5 and PowerShell 7 write. BitLocker's status needs an administrator; without one it is unknown.
 * Password protection is not read on Windows (unknown).
 */
public final class WindowsFactCollector implements FactCollector {

    private static final Logger LOG = Logger.getLogger(WindowsFactCollector.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static final String OS = "Get-CimInstance Win32_OperatingSystem | ConvertTo-Json";
    static final String HOTFIX = "Get-HotFix | Sort-Object InstalledOn | ConvertTo-Json";
    static final String BITLOCKER = "Get-BitLockerVolume -MountPoint C: | ConvertTo-Json";
    static final String DEFENDER = "Get-MpComputerStatus | ConvertTo-Json";
    static final String ROUTE =
            "Get-NetRoute -DestinationPrefix 0.0.0.0/0 | Sort-Object RouteMetric | Select-Object -First 1 | ConvertTo-Json";
    static final String ADDRESS = "Get-NetIPAddress -AddressFamily IPv4 -InterfaceIndex %d | ConvertTo-Json";

    /** The product name Microsoft gives its built-in antivirus. */
    static final String DEFENDER_PRODUCT = "Microsoft Defender Antivirus";

    private final CommandRunner runner;
    private final SiteResolver sites;
    private final ZoneId zone;

    public WindowsFactCollector(CommandRunner runner, SiteResolver sites, ZoneId zone) {
        this.runner = runner;
        this.sites = sites;
        this.zone = zone;
    }

    @Override
    public Facts collect() {
        Optional<JsonNode> route = guard(() -> powershell(ROUTE), Optional.empty());
        String gateway = route.map(r -> Json.text(r, "NextHop")).orElse(null);
        String ip = guard(
                () -> route.map(r ->
                                r.path("InterfaceIndex").asInt(r.path("ifIndex").asInt(-1)))
                        .filter(i -> i >= 0)
                        .flatMap(i -> powershell(String.format(ADDRESS, i)))
                        .map(a -> a.isArray() ? a.get(0) : a)
                        .map(a -> Json.text(a, "IPAddress"))
                        .orElse(null),
                null);
        return new Facts(
                guard(() -> os(powershell(OS)), Facts.Os.of("Windows", null, null)),
                guard(() -> lastPatchDate(powershell(HOTFIX), zone), null),
                guard(() -> antivirus(powershell(DEFENDER), zone), null),
                guard(() -> bitLocker(powershell(BITLOCKER)), null),
                null,
                Facts.Network.of(sites.resolve(gateway, ip), ip == null ? Facts.NO_ADDRESS : ip));
    }

    private Optional<JsonNode> powershell(String script) {
        return runner.stdoutIfOk(TIMEOUT, "powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script)
                .flatMap(Json::tree);
    }

    /** Caption, Version and BuildNumber of Win32_OperatingSystem. */
    static Facts.Os os(Optional<JsonNode> json) {
        return json.map(o -> Facts.Os.of(
                        Optional.ofNullable(Json.text(o, "Caption")).orElse("Windows"),
                        Json.text(o, "Version"),
                        Json.text(o, "BuildNumber")))
                .orElse(Facts.Os.of("Windows", null, null));
    }

    /** The newest InstalledOn of the installed hot fixes (one object or an array). */
    static LocalDate lastPatchDate(Optional<JsonNode> json, ZoneId zone) {
        if (json.isEmpty()) {
            return null;
        }
        LocalDate newest = null;
        JsonNode node = json.get();
        for (JsonNode fix : node.isArray() ? node : List.of(node)) {
            newest = LinuxPatchHistory.later(newest, PowerShellDates.localDate(fix.get("InstalledOn"), zone));
        }
        return newest;
    }

    /** Protection status of C: — 1 or "On" is encrypted and protected, 0 or "Off" is not. */
    static Boolean bitLocker(Optional<JsonNode> json) {
        if (json.isEmpty()) {
            return null;
        }
        JsonNode volume = json.get().isArray() ? json.get().get(0) : json.get();
        JsonNode status = volume == null ? null : volume.get("ProtectionStatus");
        if (status == null || status.isNull()) {
            return null;
        }
        String s = status.asText();
        if (s.equals("1") || s.equalsIgnoreCase("On")) {
            return true;
        }
        if (s.equals("0") || s.equalsIgnoreCase("Off")) {
            return false;
        }
        return null;
    }

    /** Microsoft Defender when it is enabled, with the date of its signatures. */
    static Facts.Antivirus antivirus(Optional<JsonNode> json, ZoneId zone) {
        if (json.isEmpty() || !json.get().path("AntivirusEnabled").asBoolean(false)) {
            return null;
        }
        LocalDate signatures = PowerShellDates.localDate(json.get().get("AntivirusSignatureLastUpdated"), zone)
                .orElse(null);
        return Facts.Antivirus.of(DEFENDER_PRODUCT, signatures);
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
