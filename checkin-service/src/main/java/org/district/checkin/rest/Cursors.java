package org.district.checkin.rest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.district.support.problem.ProblemException;

/** Opaque page cursors: the keyset position of the last row of a page, base64url-encoded. */
public final class Cursors {

    private Cursors() {}

    /** A position in a (date, id) order. */
    public record DateAndId(LocalDate date, UUID id) {}

    public static String encode(LocalDate date, UUID id) {
        return encode(date + "|" + id);
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static DateAndId dateAndId(String cursor) {
        String key = decode(cursor);
        if (key == null) {
            return null;
        }
        try {
            int bar = key.indexOf('|');
            return new DateAndId(LocalDate.parse(key.substring(0, bar)), UUID.fromString(key.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public static UUID id(String cursor) {
        String key = decode(cursor);
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static Long number(String cursor) {
        String key = decode(cursor);
        try {
            return key == null ? null : Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > 200) {
            throw invalid();
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (key.isEmpty()) {
                throw invalid();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalidField("cursor", "is not a cursor this service issued.");
    }
}
