package org.district.checkin.web;

import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The dashboard's browser session: the signed-in token in an HttpOnly, SameSite=Strict cookie, and a CSRF token in a
 * second cookie that every form repeats in a hidden field (double submit). Stateless, so any replica can answer.
 */
public final class BrowserSession {

    /** Must equal {@code mp.jwt.token.cookie}. */
    public static final String TOKEN_COOKIE = "district_token";

    public static final String CSRF_COOKIE = "district_csrf";
    public static final String CSRF_FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserSession() {}

    public static String newCsrfToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the form's CSRF field repeats the cookie (compared in constant time). */
    public static boolean csrfMatches(String cookie, String field) {
        if (cookie == null || field == null || cookie.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    public static NewCookie tokenCookie(String token, int maxAgeSeconds, boolean secure) {
        return cookie(TOKEN_COOKIE, token, maxAgeSeconds, secure, true);
    }

    public static NewCookie csrfCookie(String value, boolean secure) {
        return cookie(CSRF_COOKIE, value, -1, secure, true);
    }

    public static NewCookie expired(String name, boolean secure) {
        return cookie(name, "", 0, secure, true);
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean secure, boolean httpOnly) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .secure(secure)
                .httpOnly(httpOnly)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
