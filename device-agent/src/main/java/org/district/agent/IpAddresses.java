package org.district.agent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals: checked and turned into bytes without ever asking DNS. */
final class IpAddresses {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {}

    /** Whether {@code text} is an IPv4 or IPv6 literal of at most 45 characters (no zone, no brackets). */
    static boolean isLiteral(String text) {
        return text != null && text.length() <= 45 && bytes(text).isPresent();
    }

    /** The address's bytes (4 or 16), or empty when {@code text} is not a literal. */
    static Optional<byte[]> bytes(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(parts[i]);
            }
            return Optional.of(b);
        }
        if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
            try {
                // Only hex digits, colons and dots with at least one colon: a literal, never a host name to look up.
                return Optional.of(InetAddress.getByName(text).getAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Drops an IPv6 zone ({@code fe80::1%eth0}) and surrounding brackets. */
    static String withoutZone(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int percent = s.indexOf('%');
        return percent >= 0 ? s.substring(0, percent) : s;
    }
}
