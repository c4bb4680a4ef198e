package org.district.lossreport.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.district.support.problem.ProblemException;

/** Opaque page cursors: the time and id of the last row of a page, base64url-encoded. */
final class Cursors {

    /** A decoded cursor. */
    record Position(Instant at, UUID id) {}

    private Cursors() {}

    static String encode(Instant at, UUID id) {
        String key = at.getEpochSecond() + "." + at.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (cursor.length() > 200) {
                throw new IllegalArgumentException();
            }
            String key = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            int bar = key.indexOf('|');
            String[] time = key.substring(0, bar).split("\\.");
            Instant at = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
            return new Position(at, UUID.fromString(key.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service issued.");
        }
    }
}
