package org.district.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a person sees when a page cannot be shown: a page in the console's layout that says what happened and what to
 * do, with the right status, never a stack trace or a service's raw answer. A service that does not answer names
 * itself ("The check-in service is not answering"); a record the person may not see is "not found", as the services
 * answer it.
 */
public class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @CheckedTemplate(basePath = "Failures")
    static class Templates {
        static native TemplateInstance failure(Chrome chrome, String title, String detail);
    }

    @Inject
    Pages pages;

    @Inject
    Language language;

    /** The person's language's words (English when the request is refused before any page ran). */
    private Staff words() {
        try {
            return language.staff();
        } catch (RuntimeException e) {
            return io.quarkus.qute.i18n.MessageBundles.get(Staff.class);
        }
    }

    /** A field a service refused, with its sentence, as an error summary shows it. */
    public record FieldError(String field, String message) {}

    /**
     * The refusal a service answered (problem details), as the console shows it next to a form; {@code type} is the
     * problem's kind ("urn:district:problem:aup-not-acknowledged"), when the service named one.
     */
    public record Refusal(String detail, List<FieldError> errors, String type) {

        public Refusal(String detail, List<FieldError> errors) {
            this(detail, errors, null);
        }

        /** Whether the service named this kind of problem ("aup-not-acknowledged"). */
        public boolean is(String kind) {
            return type != null && type.endsWith(":" + kind);
        }
    }

    /**
     * The refusal of a person's input (400, 409, 422) to show next to the form; any other failure goes on to the
     * failure pages.
     */
    public static Refusal refusedInput(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status != 400 && status != 409 && status != 422) {
            throw e;
        }
        return refusal(e);
    }

    /**
     * A refusal of a form's input as messages next to its fields, each starting with the field's label as the form
     * shows it ({@code labels}; {@code renames} maps a service's field names to the form's). A whole sentence from the
     * service stands as it is; a refusal that names no known field is shown at {@code fallbackField}.
     */
    public static List<FieldError> fieldErrors(
            WebApplicationException e, String fallbackField, Map<String, String> labels, Map<String, String> renames) {
        Refusal refusal = refusedInput(e);
        if (refusal.errors().isEmpty()) {
            return List.of(new FieldError(fallbackField, refusal.detail()));
        }
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : refusal.errors()) {
            // "serialNumber and assetTag" when both are already used by one other record.
            for (String serviceField : error.field().split(" and |,")) {
                String field = renames.getOrDefault(serviceField.strip(), serviceField.strip());
                if (!labels.containsKey(field)) {
                    field = fallbackField;
                }
                String message = error.message().startsWith("must be unique")
                        ? "is already used by another record."
                        : error.message();
                boolean whole = !message.isEmpty() && Character.isUpperCase(message.charAt(0));
                errors.add(new FieldError(
                        renames.getOrDefault("#" + field, field),
                        whole ? message : sentence(labels.getOrDefault(field, ""), message)));
            }
        }
        return errors;
    }

    /** "Asset tag" and "must not be blank" as "Asset tag must not be blank." */
    public static String sentence(String label, String message) {
        String text = (label + " " + message).strip();
        return text.endsWith(".") ? text : text + ".";
    }

    /** Reads a service's problem details; a body that is none gives the status's sentence. */
    public static Refusal refusal(WebApplicationException e) {
        List<FieldError> errors = new ArrayList<>();
        String detail = null;
        String type = null;
        try {
            Response response = e.getResponse();
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (body != null && !body.isBlank()) {
                JsonNode problem = JSON.readTree(body);
                detail = problem.path("detail").asText(null);
                type = problem.path("type").asText(null);
                for (JsonNode error : problem.path("errors")) {
                    errors.add(new FieldError(
                            error.path("field").asText(""),
                            error.path("message").asText("")));
                }
            }
        } catch (RuntimeException | java.io.IOException ignored) {
            // Not problem details: the sentence below stands for it.
        }
        if (detail == null || detail.isBlank()) {
            detail = "The request was refused (" + e.getResponse().getStatus() + ").";
        }
        return new Refusal(detail, errors, type);
    }

    /** Before service-support's problem answers (priority 1), which are for APIs, not people. */
    @ServerExceptionMapper(priority = 0)
    public Response serviceAnswered(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 404 || status == 410) {
            return page(404, words().notFoundTitle(), words().notFoundDetail());
        }
        if (status == 403) {
            return forbidden();
        }
        if (status == 401) {
            return page(401, words().signInAgainTitle(), words().signInAgainDetail());
        }
        if (status >= 400 && status < 500) {
            return page(status, words().refusedTitle(), refusal(e).detail());
        }
        LOG.warnf("A service answered %d (%s)", status, cause(e));
        return page(503, words().unavailableTitle(), words().unexpectedAnswerDetail());
    }

    @ServerExceptionMapper(priority = 0)
    public Response notAnswering(ProcessingException e) {
        LOG.warnf("A service is not answering (%s)", cause(e));
        return page(503, words().unavailableTitle(), words().notAnsweringDetail());
    }

    /** A fault of the console itself: logged with the request's correlation id, shown as a page that says so. */
    @ServerExceptionMapper(priority = 0)
    public Response unexpected(RuntimeException e) {
        LOG.errorf(e, "A page failed");
        return page(500, words().failedTitle(), words().failedDetail());
    }

    @ServerExceptionMapper(priority = 0)
    public Response notAllowed(ForbiddenException e) {
        return forbidden();
    }

    private Response forbidden() {
        return page(403, words().forbiddenTitle(), words().forbiddenDetail());
    }

    private Response page(int status, String title, String detail) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.failure(pages.chrome(""), title, detail))
                .build();
    }

    /**
     * What went wrong, for a log line: the root cause's kind only. A client's message can repeat the request's address,
     * and the console's calls carry people's names and district ids in their query strings (a search, the names of a
     * page's people), which the logs must not hold.
     */
    static String cause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
