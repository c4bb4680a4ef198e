package org.district.checkin.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.district.support.security.Roles;
import org.district.support.web.BrowserSession;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Browser sign-in for the IT dashboard: IT pastes a token from the district's identity provider (locally, from
 * scripts/mint-token.sh); it is verified like any bearer token and kept in an HttpOnly cookie.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private static final int MAX_TOKEN_LENGTH = 8192;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String csrf, String error);
    }

    @Inject
    JWTParser parser;

    @Inject
    BrowserSession session;

    @GET
    @Path("/sign-in")
    @PermitAll
    public Response form(@CookieParam(BrowserSession.CSRF_COOKIE) String csrfCookie) {
        String csrf = session.csrfToken(csrfCookie);
        return Response.ok(Templates.signIn(csrf, null))
                .cookie(session.csrfCookie(csrf))
                .build();
    }

    @POST
    @Path("/sign-in")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @FormParam("token") String token,
            @FormParam(BrowserSession.CSRF_FIELD) String csrf,
            @CookieParam(BrowserSession.CSRF_COOKIE) String csrfCookie) {
        if (!session.csrfMatches(csrfCookie, csrf)) {
            return again(403, "The sign-in form expired. Please try again.");
        }
        String raw = token == null ? "" : token.trim();
        if (raw.startsWith("Bearer ")) {
            raw = raw.substring("Bearer ".length()).trim();
        }
        if (raw.isEmpty() || raw.length() > MAX_TOKEN_LENGTH) {
            return again(400, "Paste a token.");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(raw);
        } catch (ParseException e) {
            return again(401, "The token is not valid (expired, or not issued by the district).");
        }
        Set<String> groups = jwt.getGroups();
        if (groups == null || !(groups.contains(Roles.IT_ADMIN) || groups.contains(Roles.AUDITOR))) {
            return again(403, "The dashboard is for IT staff and auditors.");
        }
        int maxAge = (int) Math.max(0, jwt.getExpirationTime() - Instant.now().getEpochSecond());
        return Response.seeOther(URI.create("/dashboard"))
                .cookie(session.tokenCookie(raw, maxAge))
                .build();
    }

    @POST
    @Path("/sign-out")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(
            @FormParam(BrowserSession.CSRF_FIELD) String csrf,
            @CookieParam(BrowserSession.CSRF_COOKIE) String csrfCookie) {
        if (!session.csrfMatches(csrfCookie, csrf)) {
            return Response.status(403)
                    .entity("The form expired; reload the page.")
                    .type(MediaType.TEXT_PLAIN)
                    .build();
        }
        return Response.seeOther(URI.create("/sign-in"))
                .cookie(session.clearToken())
                .build();
    }

    private Response again(int status, String error) {
        String csrf = session.csrfToken(null);
        return Response.status(status)
                .entity(Templates.signIn(csrf, error))
                .type(MediaType.TEXT_HTML)
                .cookie(session.csrfCookie(csrf))
                .build();
    }
}
