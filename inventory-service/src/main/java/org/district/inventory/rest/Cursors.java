package org.district.inventory.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.district.support.problem.ProblemException;

/** Opaque page cursors: the sort key of the last row of a page, base64url-encoded. */
final class Cursors {

    private Cursors() {}

    static String encode(String key) {
        return key == null
                ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (key.isEmpty() || key.length() > 200) {
                throw new IllegalArgumentException();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service issued.");
        }
    }
}
