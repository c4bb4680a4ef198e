package org.district.support.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.district.support.security.Caller;

/**
 * The browser side of signing in, the same for every service's pages: the token cookie (HttpOnly, SameSite=Strict,
 * Secure outside a local stack) that the JWT mechanism reads like an Authorization header, and a double-submit CSRF
 * token: a random value in a second such cookie that every form repeats in a hidden field. A cross-site page can
 * neither read the cookies nor make the browser send them. Stateless, so any replica answers.
 */
@ApplicationScoped
public class BrowserSession {

    /** The cookie holding the signed-in person's token; must equal {@code mp.jwt.token.cookie}. */
    public static final String TOKEN_COOKIE = "district_token";

    /** The cookie holding the CSRF token. */
    public static final String CSRF_COOKIE = "district_csrf";

    /** The hidden form field repeating it. */
    public static final String CSRF_FIELD = "csrf";

    private static final Pattern CSRF_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Caller caller;

    @Inject
    WebSettings settings;

    /** The signed-in person's district id; empty when nobody is signed in or the token is invalid or expired. */
    public Optional<String> subject() {
        try {
            return Optional.ofNullable(caller.subject());
        } catch (AuthenticationFailedException | UnauthorizedException e) {
            return Optional.empty();
        }
    }

    /** Whether the signed-in person holds the role; false when nobody is signed in. */
    public boolean is(String role) {
        try {
            return caller.is(role);
        } catch (AuthenticationFailedException | UnauthorizedException e) {
            return false;
        }
    }

    /** The CSRF token of this browser: the one in its cookie, or a new one (then set it with {@link #csrfCookie}). */
    public String csrfToken(String cookie) {
        if (cookie != null && CSRF_SHAPE.matcher(cookie).matches()) {
            return cookie;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a form repeated this browser's CSRF token (compared in constant time). */
    public boolean csrfMatches(String cookie, String field) {
        if (cookie == null || field == null || !CSRF_SHAPE.matcher(field).matches()) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    public NewCookie csrfCookie(String token) {
        return cookie(CSRF_COOKIE, token, -1);
    }

    /** The sign-in cookie, kept as long as the token is valid. */
    public NewCookie tokenCookie(String token, int maxAgeSeconds) {
        return cookie(TOKEN_COOKIE, token, maxAgeSeconds);
    }

    /** Ends the sign-in in this browser. */
    public NewCookie clearToken() {
        return cookie(TOKEN_COOKIE, "", 0);
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(settings.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }
}
