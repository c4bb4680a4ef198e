package org.district.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the facts of a Linux machine from its files and programs. Every path is resolved under a file-system root
 * ("/" on a real machine, a fixture directory in tests) and every program runs through a {@link CommandRunner}.
 */
public final class LinuxFactCollector implements FactCollector {

    private static final Logger LOG = Logger.getLogger(LinuxFactCollector.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Path root;
    private final CommandRunner runner;
    private final SiteResolver sites;
    private final ZoneId zone;
    private final String agentUser;
    private final Function<String, Optional<String>> interfaceAddress;

    /** A collector for this machine: root "/", the machine's time zone and the user the agent runs as. */
    public LinuxFactCollector(CommandRunner runner, SiteResolver sites) {
        this(
                Path.of("/"),
                runner,
                sites,
                ZoneId.systemDefault(),
                System.getProperty("user.name"),
                LinuxFactCollector::addressOfInterface);
    }

    /**
     * @param root the file-system root the machine's files are read under
     * @param interfaceAddress the address of a network interface by name (used when {@code ip} is missing)
     */
    public LinuxFactCollector(
            Path root,
            CommandRunner runner,
            SiteResolver sites,
            ZoneId zone,
            String agentUser,
            Function<String, Optional<String>> interfaceAddress) {
        this.root = root;
        this.runner = runner;
        this.sites = sites;
        this.zone = zone;
        this.agentUser = agentUser;
        this.interfaceAddress = interfaceAddress;
    }

    @Override
    public Facts collect() {
        Route route = guard("network", this::route, new Route(null, null));
        String ip = route.address() == null ? Facts.NO_ADDRESS : route.address();
        return new Facts(
                guard("os", this::os, Facts.Os.of("Linux", null, null)),
                guard(
                        "last patch date",
                        () -> LinuxPatchHistory.newest(root, runner).orElse(null),
                        null),
                guard("antivirus", () -> ClamAv.read(root, runner, zone).orElse(null), null),
                guard("disk encryption", () -> LinuxDiskEncryption.read(root, runner), null),
                guard("password protection", () -> LinuxScreenLock.read(root, runner, agentUser), null),
                Facts.Network.of(sites.resolve(route.gateway(), route.address()), ip));
    }

    /** NAME and VERSION_ID of os-release, and the kernel release. */
    Facts.Os os() {
        Map<String, String> release = MachineFiles.lines(root.resolve("etc/os-release"))
                .or(() -> MachineFiles.lines(root.resolve("usr/lib/os-release")))
                .map(OsRelease::parse)
                .orElse(Map.of());
        OsRelease.NameAndVersion nv = OsRelease.nameAndVersion(release);
        String kernel = MachineFiles.firstLine(root.resolve("proc/sys/kernel/osrelease"))
                .or(() -> runner.stdoutIfOk(TIMEOUT, "uname", "-r").map(String::strip))
                .orElse(null);
        return Facts.Os.of(nv.name() == null ? "Linux" : nv.name(), nv.version(), kernel);
    }

    /** The default route's source address and gateway. */
    record Route(String address, String gateway) {}

    Route route() {
        Optional<Route> fromIp = runner.stdoutIfOk(TIMEOUT, "ip", "-j", "route", "get", "1.1.1.1")
                .flatMap(Json::tree)
                .filter(JsonNode::isArray)
                .filter(a -> a.size() > 0)
                .map(a -> a.get(0))
                .map(r -> new Route(literal(Json.text(r, "prefsrc")), literal(Json.text(r, "gateway"))));
        if (fromIp.isPresent() && fromIp.get().address() != null) {
            return fromIp.get();
        }
        return procNetRoute();
    }

    /** /proc/net/route's default route (lowest metric): its gateway, and its interface's address. */
    Route procNetRoute() {
        List<String> lines = MachineFiles.lines(root.resolve("proc/net/route")).orElse(List.of());
        String bestIface = null;
        String bestGateway = null;
        long bestMetric = Long.MAX_VALUE;
        for (String line : lines.stream().skip(1).toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 8 || !f[1].equals("00000000") || !f[7].equals("00000000")) {
                continue;
            }
            try {
                long metric = Long.parseLong(f[6]);
                if (metric < bestMetric) {
                    bestMetric = metric;
                    bestIface = f[0];
                    bestGateway = hexToIpv4(f[2]);
                }
            } catch (NumberFormatException e) {
                // Not a route line.
            }
        }
        if (bestIface == null) {
            return new Route(null, null);
        }
        return new Route(
                interfaceAddress
                        .apply(bestIface)
                        .map(LinuxFactCollector::literal)
                        .orElse(null),
                bestGateway);
    }

    /** /proc/net/route writes an IPv4 address as 8 hex digits in the machine's (little-endian) byte order. */
    static String hexToIpv4(String hex) {
        try {
            long v = Long.parseLong(hex, 16);
            return (v & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 24) & 0xFF);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String literal(String text) {
        String s = IpAddresses.withoutZone(text);
        return IpAddresses.isLiteral(s) ? s : null;
    }

    static Optional<String> addressOfInterface(String name) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(name);
            if (nif == null) {
                return Optional.empty();
            }
            List<InetAddress> addresses = Collections.list(nif.getInetAddresses());
            return addresses.stream()
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .findFirst()
                    .or(() -> addresses.stream()
                            .filter(a -> a instanceof Inet6Address && !a.isLinkLocalAddress() && !a.isLoopbackAddress())
                            .findFirst())
                    .map(InetAddress::getHostAddress);
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static <T> T guard(String fact, Supplier<T> read, T unknown) {
        try {
            T value = read.get();
            return value == null ? unknown : value;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "cannot read " + fact + "; reported unknown");
            return unknown;
        }
    }
}
