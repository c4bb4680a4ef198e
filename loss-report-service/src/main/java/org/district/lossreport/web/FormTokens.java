package org.district.lossreport.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * The CSRF token of the pages' forms, as quarkus-rest-csrf keeps it: a random value in the {@code __Host-} cookie that
 * every form repeats in a hidden field. The extension checks the forms the REST layer reads (service-support's
 * SignOutGuard the sign-out form); this class gives the same token to the pages' headers, the sign-out button's
 * included, also on a page that answers a refused form.
 */
@ApplicationScoped
public class FormTokens {

    /** What the extension puts in its cookie (URL-safe Base64); anything else is never repeated into a page. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    @Inject
    CsrfTokenParameterProvider csrf;

    /**
     * The token this page's forms must repeat: the one the CSRF check established for this request or, when it refused
     * the request, the one the browser still holds; null when there is none.
     */
    public String current(HttpServerRequest request) {
        try {
            return csrf.getToken();
        } catch (IllegalStateException refusedOrNotChecked) {
            String held = held(request);
            return held != null && WELL_FORMED.matcher(held).matches() ? held : null;
        }
    }

    private String held(HttpServerRequest request) {
        Cookie cookie = request.getCookie(csrf.getCookieName());
        return cookie == null ? null : cookie.getValue();
    }
}
