package org.district.support.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.district.support.domain.InvalidException;
import org.district.support.web.Params;

/**
 * Opaque page cursors: the keyset position of the last row of a page (its sort key and id), base64url-encoded. A
 * cursor this service did not issue is refused with 400 naming the {@code cursor} parameter.
 */
public final class Cursors {

    /** Largest page a list answers with. */
    public static final int MAX_LIMIT = 200;

    /** Page size when the caller names none. */
    public static final int DEFAULT_LIMIT = 50;

    private static final int MAX_CURSOR_LENGTH = 200;
    private static final char SEPARATOR = '|';

    private Cursors() {}

    /** The page size the {@code limit} parameter asks for: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
    public static int limit(String raw) {
        return Params.intInRange("limit", raw, 1, MAX_LIMIT, DEFAULT_LIMIT);
    }

    /** The cursor of a position made of these parts, in order (instants keep their nanoseconds). */
    public static String encode(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append(SEPARATOR);
            }
            key.append(parts[i] instanceof Instant at ? at.getEpochSecond() + "." + at.getNano() : parts[i]);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a cursor holds, split into {@code parts} parts (the last part keeps any separator it contains); null
     * when no cursor was sent.
     */
    public static Position decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw invalid();
        }
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] split = key.split("\\" + SEPARATOR, parts);
        if (key.isEmpty() || split.length != parts) {
            throw invalid();
        }
        return new Position(split);
    }

    /** The one-part position a cursor holds as text (for example an asset tag); null when no cursor was sent. */
    public static String text(String cursor) {
        Position p = decode(cursor, 1);
        return p == null ? null : p.text(0);
    }

    /** The one-part position a cursor holds as an id; null when no cursor was sent. */
    public static UUID id(String cursor) {
        Position p = decode(cursor, 1);
        return p == null ? null : p.id(0);
    }

    /** The one-part position a cursor holds as a number; null when no cursor was sent. */
    public static Long number(String cursor) {
        Position p = decode(cursor, 1);
        return p == null ? null : p.number(0);
    }

    static InvalidException invalid() {
        return InvalidException.of("cursor", "is not a cursor this service issued.");
    }

    /** A decoded cursor: its parts, each read as the type the list sorts by. */
    public static final class Position {

        private final String[] parts;

        Position(String[] parts) {
            this.parts = parts;
        }

        public String text(int i) {
            return parts[i];
        }

        public UUID id(int i) {
            try {
                return UUID.fromString(parts[i]);
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }

        public long number(int i) {
            try {
                return Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw invalid();
            }
        }

        public LocalDate date(int i) {
            try {
                return LocalDate.parse(parts[i]);
            } catch (RuntimeException e) {
                throw invalid();
            }
        }

        public Instant instant(int i) {
            try {
                int dot = parts[i].indexOf('.');
                return Instant.ofEpochSecond(
                        Long.parseLong(parts[i].substring(0, dot)), Long.parseLong(parts[i].substring(dot + 1)));
            } catch (RuntimeException e) {
                throw invalid();
            }
        }
    }
}
