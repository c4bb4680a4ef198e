package org.district.console.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The confirmation a form's redirect carries to the page it leads to ("Lock sent", "LR-2026-000042 is filed", "3
 * return tasks opened"). It travels in a short-lived cookie that names the page, is shown there once, and is cleared by
 * the next page the browser shows: never in the address, where anyone could write one into a link and have the console
 * confirm, in the district's voice, something that did not happen. A reload shows the page without it.
 *
 * <p>One notice at a time per browser: a page opened in another tab between a form's redirect and its page clears it
 * (the form's work is done all the same; the page shows its result, without the sentence).
 */
@RequestScoped
public class Flash {

    /** Host-only, secure, and sent to every path: no other site or subdomain can set it. */
    static final String COOKIE = "__Host-notice-console";

    /** Long enough for the redirect to be followed on a slow connection, short enough to die with the moment. */
    private static final int SECONDS = 120;

    private static final int LONGEST = 400;

    @Inject
    HttpServerRequest request;

    /**
     * A 303 to the page at {@code path} (a path alone, as the page's request names it: no query) that shows the notice
     * {@code kind} with {@code value}.
     */
    static Response.ResponseBuilder seeOther(String path, String kind, Object value) {
        URI page = URI.create(path);
        if (page.getRawQuery() != null || page.getRawFragment() != null || !path.equals(page.getRawPath())) {
            throw new IllegalArgumentException("A notice names a page by its path alone: " + path);
        }
        return Response.seeOther(page)
                .header("Set-Cookie", cookie(encode(new Notice(path, kind, String.valueOf(value))), SECONDS));
    }

    /**
     * The value of the notice of this kind that the last form left for this very page, or none: a notice left for
     * another page, or of another kind, is not shown here.
     */
    String take(String kind) {
        Cookie cookie = request.getCookie(COOKIE);
        return valueFor(cookie == null ? null : cookie.getValue(), request.path(), kind);
    }

    /** The value of the notice in the cookie when it is for this page and of this kind; else none. */
    static String valueFor(String cookie, String page, String kind) {
        Notice notice = decode(cookie);
        return notice != null && notice.path().equals(page) && notice.kind().equals(kind) ? notice.value() : null;
    }

    /** A notice: the page it is for, what happened, and the one value the page's words need. */
    record Notice(String path, String kind, String value) {}

    static String encode(Notice notice) {
        return URLEncoder.encode(notice.path() + "\n" + notice.kind() + "\n" + notice.value(), StandardCharsets.UTF_8);
    }

    /** The notice in a cookie's value, or none when the value is not one this class wrote. */
    static Notice decode(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > LONGEST) {
            return null;
        }
        try {
            String[] parts = URLDecoder.decode(raw, StandardCharsets.UTF_8).split("\n", -1);
            return parts.length == 3 ? new Notice(parts[0], parts[1], parts[2]) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String cookie(String value, int seconds) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + seconds + "; Secure; HttpOnly; SameSite=Lax";
    }

    /**
     * The page after a notice's redirect clears it, whether or not it was the page the notice was for: a notice is
     * shown once, on the page the form led to, or not at all.
     */
    public static class Clear {

        @Inject
        HttpServerRequest request;

        @ServerResponseFilter
        public void clear(jakarta.ws.rs.container.ContainerResponseContext answer) {
            if (answer.getStatusInfo().getFamily() != Response.Status.Family.REDIRECTION
                    && request.getCookie(COOKIE) != null) {
                answer.getHeaders().add("Set-Cookie", cookie("", 0));
            }
        }
    }
}
