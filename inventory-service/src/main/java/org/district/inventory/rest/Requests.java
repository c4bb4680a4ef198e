package org.district.inventory.rest;

import org.district.support.domain.InvalidException;

/** What the resources read from a request the same way: If-Match versions and true/false flags. */
final class Requests {

    private Requests() {}

    /** The version an If-Match header names ({@code "v3"}), or null when absent or {@code *}. */
    static Long ifMatchVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        if (value.startsWith("v")) {
            value = value.substring(1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw InvalidException.of("If-Match", "must be an ETag this service issued, such as \"v3\".");
        }
    }

    /** The ETag value (unquoted; the response builder quotes it) of a record version. */
    static String etag(long version) {
        return "v" + version;
    }

    /** An optional true/false filter: null when absent. */
    static Boolean optionalFlag(String name, String raw) {
        return raw == null || raw.isBlank() ? null : flag(name, raw);
    }

    static boolean flag(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw InvalidException.of(name, "must be true or false.");
        };
    }
}
