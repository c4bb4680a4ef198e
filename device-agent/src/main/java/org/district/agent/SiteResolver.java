package org.district.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Names the device's site: the configured {@code site} wins; otherwise the entry of IT's site map (lines
 * {@code CIDR SITE NAME}, {@code #} starting a comment line) with the longest prefix that contains the default gateway's
 * address or the device's address; otherwise {@link #UNKNOWN}. A name the server would not take becomes UNKNOWN.
 */
public final class SiteResolver {

    /** The site sent when none is configured or mapped. */
    public static final String UNKNOWN = "UNKNOWN";

    private static final Logger LOG = Logger.getLogger(SiteResolver.class.getName());
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,_/#&()':-]{1,60}");

    private final String configuredSite;
    private final Path siteMap;

    /**
     * @param configuredSite the {@code site} from the configuration, or null
     * @param siteMap the {@code site.map} file, or null
     */
    public SiteResolver(String configuredSite, Path siteMap) {
        this.configuredSite = configuredSite;
        this.siteMap = siteMap;
    }

    /** The site for a device with this default gateway and address (either may be null). */
    public String resolve(String gateway, String ipAddress) {
        if (configuredSite != null && !configuredSite.isBlank()) {
            return sanitize(configuredSite);
        }
        if (siteMap == null) {
            return UNKNOWN;
        }
        List<Entry> entries = readMap();
        Entry best = null;
        for (String address : new String[] {gateway, ipAddress}) {
            Optional<byte[]> bytes = IpAddresses.bytes(IpAddresses.withoutZone(address));
            if (bytes.isEmpty()) {
                continue;
            }
            for (Entry e : entries) {
                if (e.contains(bytes.get()) && (best == null || e.prefixLength > best.prefixLength)) {
                    best = e;
                }
            }
        }
        return best == null ? UNKNOWN : sanitize(best.site);
    }

    /** The name itself when the server would take it (after trimming), otherwise {@link #UNKNOWN}. */
    public static String sanitize(String site) {
        if (site == null) {
            return UNKNOWN;
        }
        String s = site.strip();
        return !s.isEmpty() && VALID.matcher(s).matches() ? s : UNKNOWN;
    }

    private List<Entry> readMap() {
        List<String> lines;
        try {
            lines = Files.readAllLines(siteMap, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            LOG.warning(() -> "site map " + siteMap + " does not exist; site is " + UNKNOWN);
            return List.of();
        } catch (IOException e) {
            LOG.warning(() -> "cannot read site map " + siteMap + ": " + e.getMessage());
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            Optional<Entry> entry = parts.length == 2 ? Entry.parse(parts[0], parts[1].strip()) : Optional.empty();
            if (entry.isPresent()) {
                entries.add(entry.get());
            } else {
                int n = number;
                LOG.warning(() -> "site map " + siteMap + " line " + n + " is not 'CIDR SITE NAME'; skipped");
            }
        }
        return entries;
    }

    private record Entry(byte[] network, int prefixLength, String site) {

        static Optional<Entry> parse(String cidr, String site) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            Optional<byte[]> bytes = IpAddresses.bytes(address);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            int bits = bytes.get().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
            return Optional.of(new Entry(bytes.get(), prefix, site));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
