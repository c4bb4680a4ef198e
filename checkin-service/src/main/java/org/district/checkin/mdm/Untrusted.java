package org.district.checkin.mdm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.district.checkin.service.CheckInRules;

/**
 * Checks of a device manager's answers, which are untrusted input: nothing reaches the database, an event, an email or
 * a page unless it is of bounded length and known characters. What fails a check is dropped (null), never repaired
 * into something else, except a site name, whose other characters are left out.
 */
public final class Untrusted {

    /** A manager's id of a device or of a page: letters, digits and a few separators. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.~=+/-]{1,2048}");

    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]{0,63}");
    private static final Pattern ASSET_TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/#-]{0,63}");
    private static final Pattern STATUS = Pattern.compile("[A-Z_]{1,40}");
    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z._-]{0,39}");
    private static final Pattern OS_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9 ._()-]{0,59}");
    private static final Pattern SITE_OTHER = Pattern.compile("[^\\p{L}\\p{M}\\p{N} .,_/#&()':-]");

    private Untrusted() {}

    /** A device id of at most {@code max} characters, or null. */
    public static String id(String value, int max) {
        return value != null && value.length() <= max && ID.matcher(value).matches() ? value : null;
    }

    public static String serial(String value) {
        String v = trimmed(value);
        return v != null && SERIAL.matcher(v).matches() ? v : null;
    }

    public static String assetTag(String value) {
        String v = trimmed(value);
        return v != null && ASSET_TAG.matcher(v).matches() ? v : null;
    }

    public static String status(String value) {
        return value != null && STATUS.matcher(value).matches() ? value : null;
    }

    /** An operating system's name (Windows, iOS, macOS, ...), or null. */
    public static String osName(String value) {
        String v = trimmed(value);
        return v != null && OS_NAME.matcher(v).matches() ? v : null;
    }

    public static String version(String value) {
        String v = trimmed(value);
        return v != null && VERSION.matcher(v).matches() ? v : null;
    }

    /** A literal IPv4 or IPv6 address (never a host name), or null. */
    public static String ipAddress(String value) {
        String v = trimmed(value);
        return v != null && v.length() <= 45 && CheckInRules.isIpAddress(v) ? v : null;
    }

    /** A site name in a check-in's terms: other characters are left out, at most 60 remain; {@code fallback} if none. */
    public static String site(String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        String v = SITE_OTHER.matcher(value).replaceAll("").strip();
        if (v.length() > 60) {
            v = v.substring(v.length() - 60).strip();
        }
        return v.isEmpty() || !CheckInRules.isSiteName(v) ? fallback : v;
    }

    /**
     * An RFC 3339 time, or null; also null for a time before 1990, which a manager gives for "never" (Intune's
     * 0001-01-01T00:00:00Z).
     */
    public static Instant time(String value) {
        if (value == null || value.length() > 40) {
            return null;
        }
        try {
            Instant t = OffsetDateTime.parse(value).toInstant();
            return t.isBefore(NEVER) || t.isAfter(LAST) ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A time given as milliseconds since the epoch (digits only), or null; the same bounds as {@link #time}. */
    public static Instant epochMillis(String value) {
        if (value == null || !value.matches("[0-9]{1,15}")) {
            return null;
        }
        Instant t = Instant.ofEpochMilli(Long.parseLong(value));
        return t.isBefore(NEVER) || t.isAfter(LAST) ? null : t;
    }

    private static final Instant NEVER = Instant.parse("1990-01-01T00:00:00Z");

    /** A four-digit year at most, as the managers' own formats have them ("+10000-01-01T00:00:00Z" parses too). */
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    /** A manager's message for a log or a sync run's record: one line of printable text, at most {@code max} long. */
    public static String message(String value, int max) {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("[^\\p{L}\\p{N} .,:;_/()'\"#=+-]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() ? null : v;
    }
}
