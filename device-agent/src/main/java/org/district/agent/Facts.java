package org.district.agent;

import java.time.LocalDate;

/**
 * What a device reports about itself at a check-in. A fact the agent could not read is null ("unknown"), never a guess.
 *
 * @param os the operating system; always present, its version "unknown" when unreadable
 * @param lastPatchDate the local date the last OS update was installed, or null when none was found
 * @param antivirus the antivirus product, or null when none is installed
 * @param diskEncryption whether the system disk (and /home) is encrypted, or null when unknown
 * @param passwordProtection whether the session is protected by a password screen lock, or null when unknown
 * @param network where on the network the device is
 */
public record Facts(
        Os os,
        LocalDate lastPatchDate,
        Antivirus antivirus,
        Boolean diskEncryption,
        Boolean passwordProtection,
        Network network) {

    /** Longest values the server takes. */
    static final int OS_NAME_MAX = 60;

    static final int OS_VERSION_MAX = 40;
    static final int OS_BUILD_MAX = 60;
    static final int PRODUCT_MAX = 80;

    /** The address sent when the device has none. */
    public static final String NO_ADDRESS = "0.0.0.0";

    public Facts {
        if (os == null) {
            os = Os.of(null, null, null);
        }
        if (network == null) {
            network = new Network(SiteResolver.UNKNOWN, NO_ADDRESS);
        }
    }

    /** The earliest date the server takes. */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    /**
     * These facts with any date the server would refuse as impossible (after tomorrow, or before 1990: a wrong clock or
     * a damaged log) reported unknown instead, so that one bad date cannot get every check-in refused.
     */
    public Facts withPlausibleDates(LocalDate today) {
        LocalDate patch = plausible(lastPatchDate, today);
        Antivirus av = antivirus == null
                ? null
                : new Antivirus(antivirus.product(), plausible(antivirus.definitionsDate(), today));
        return new Facts(os, patch, av, diskEncryption, passwordProtection, network);
    }

    private static LocalDate plausible(LocalDate date, LocalDate today) {
        return date == null || date.isAfter(today.plusDays(1)) || date.isBefore(EARLIEST) ? null : date;
    }

    /** The operating system's name, version and build (kernel release on Linux). */
    public record Os(String name, String version, String build) {

        /** Trims each value to what the server takes; a missing name or version becomes "unknown". */
        public static Os of(String name, String version, String build) {
            return new Os(
                    orUnknown(Text.limit(name, OS_NAME_MAX)),
                    orUnknown(Text.limit(version, OS_VERSION_MAX)),
                    Text.limit(build, OS_BUILD_MAX));
        }

        private static String orUnknown(String value) {
            return value == null ? "unknown" : value;
        }
    }

    /** An antivirus product and the date of its definitions (null when unknown). */
    public record Antivirus(String product, LocalDate definitionsDate) {

        /** Trims the product name; null when there is no name. */
        public static Antivirus of(String product, LocalDate definitionsDate) {
            String name = Text.limit(product, PRODUCT_MAX);
            return name == null ? null : new Antivirus(name, definitionsDate);
        }
    }

    /** The device's site and its address on the default route. */
    public record Network(String site, String ipAddress) {

        /** A network with a checked site name and address. */
        public static Network of(String site, String ipAddress) {
            return new Network(SiteResolver.sanitize(site), IpAddresses.isLiteral(ipAddress) ? ipAddress : NO_ADDRESS);
        }
    }
}
