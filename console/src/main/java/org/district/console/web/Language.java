package org.district.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import java.util.Locale;
import org.district.support.security.Roles;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The language a page speaks to the person. The staff pages (My devices, reporting a loss, My reports) come in English
 * and Spanish: the person picks one with the link in the page header ({@code ?lang=es}, remembered in a cookie for a
 * year), else the browser's preferred language decides. District IT, auditors and HR work in English, the language
 * their pages are written in, whatever their browser prefers.
 */
@RequestScoped
public class Language {

    /** The languages the staff pages are written in; the first is the default. */
    public static final List<String> SUPPORTED = List.of("en", "es");

    static final String COOKIE = "lang";
    private static final long COOKIE_SECONDS = 365L * 24 * 3600;

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    private String code;

    /** "en" or "es". */
    public String code() {
        if (code == null) {
            code = choose();
        }
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The staff pages' words in this language. */
    public Staff staff() {
        return "en".equals(code())
                ? MessageBundles.get(Staff.class)
                : MessageBundles.get(Staff.class, Localized.Literal.of(code()));
    }

    /** The language the person asked for in this request's address, if it is one the pages speak. */
    String asked() {
        String lang = request.getParam("lang");
        return lang != null && SUPPORTED.contains(lang) ? lang : null;
    }

    private String choose() {
        try {
            if (!identity.isAnonymous()
                    && (identity.hasRole(Roles.IT_ADMIN)
                            || identity.hasRole(Roles.AUDITOR)
                            || identity.hasRole(Roles.HR))) {
                return SUPPORTED.get(0);
            }
            String asked = asked();
            if (asked != null) {
                return asked;
            }
            Cookie cookie = request.getCookie(COOKIE);
            if (cookie != null && SUPPORTED.contains(cookie.getValue())) {
                return cookie.getValue();
            }
            String accept = request.getHeader("Accept-Language");
            if (accept != null) {
                String best = Locale.lookupTag(Locale.LanguageRange.parse(accept), SUPPORTED);
                if (best != null) {
                    return best;
                }
            }
        } catch (RuntimeException e) {
            // A malformed Accept-Language, or a request refused before any page ran: the default language.
        }
        return SUPPORTED.get(0);
    }

    /**
     * Every page is rendered in the person's language, and a language picked in the address is remembered: one
     * filter for all pages, so that no page can forget it.
     */
    public static class Filter {

        @Inject
        Language language;

        @ServerResponseFilter
        public void speak(ContainerResponseContext answer) {
            if (answer.getEntity() instanceof TemplateInstance page) {
                page.setLocale(language.locale());
            }
            String asked = language.asked();
            if (asked != null && asked.equals(language.code())) {
                answer.getHeaders()
                        .add(
                                "Set-Cookie",
                                COOKIE + "=" + asked + "; Path=/; Max-Age=" + COOKIE_SECONDS
                                        + "; Secure; HttpOnly; SameSite=Lax");
            }
        }
    }
}
