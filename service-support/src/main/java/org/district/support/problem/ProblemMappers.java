package org.district.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.district.support.domain.ConflictException;
import org.district.support.domain.DomainException;
import org.district.support.domain.Failures;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;
import org.district.support.domain.NotPermittedException;
import org.district.support.domain.StaleVersionException;
import org.district.support.domain.UnavailableException;
import org.district.support.domain.UnprocessableException;
import org.district.support.domain.Violations;
import org.district.support.security.Roles;
import org.district.support.web.Correlation;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where every failure becomes an {@code application/problem+json} answer. Client mistakes name the field
 * and the reason; database outages become 503 with Retry-After; anything unexpected is logged with its correlation id
 * and answered with a 500 that reveals nothing of the implementation.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    CurrentIdentityAssociation identities;

    @ServerExceptionMapper(priority = 1)
    public Response problem(ProblemException e, UriInfo uri, HttpServerRequest request) {
        if (e.status() == 403) {
            logRefusal(request, e.getMessage());
        }
        return build(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response domain(DomainException e, UriInfo uri, HttpServerRequest request) {
        if (e instanceof NotPermittedException) {
            logRefusal(request, e.getMessage());
        }
        return build(problemFor(e), uri);
    }

    /**
     * The answer to a refusal of the domain: its status, type, fields and headers. Every domain exception is answered
     * through here and nowhere else.
     */
    public static ProblemException problemFor(DomainException e) {
        if (e instanceof NotFoundException notFound) {
            return new ProblemException(
                    404, e.code(), notFound.title(), e.getMessage(), listOf(notFound.violation()), null);
        }
        if (e instanceof ConflictException conflict) {
            return new ProblemException(
                    409, e.code(), "Conflict with the current state", e.getMessage(), conflict.violations(), null);
        }
        if (e instanceof UnprocessableException unprocessable) {
            return new ProblemException(
                    422, e.code(), unprocessable.title(), e.getMessage(), listOf(unprocessable.violation()), null);
        }
        if (e instanceof InvalidException invalid) {
            return new ProblemException(
                    400, e.code(), "The request is not valid", e.getMessage(), invalid.violations(), null);
        }
        if (e instanceof StaleVersionException) {
            return new ProblemException(412, e.code(), "Precondition failed", e.getMessage(), null, null);
        }
        if (e instanceof NotPermittedException) {
            return forbidden(e.getMessage());
        }
        UnavailableException unavailable = (UnavailableException) e;
        return new ProblemException(
                503,
                e.code(),
                "Temporarily unavailable",
                e.getMessage(),
                null,
                Map.of("Retry-After", Integer.toString(unavailable.retryAfterSeconds())));
    }

    private static List<FieldViolation> listOf(FieldViolation violation) {
        return violation == null ? null : List.of(violation);
    }

    /** 403: the caller is known but may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null, null);
    }

    @ServerExceptionMapper(priority = 1)
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (isReturnValue(violation.getPropertyPath())) {
                return unexpected(e, uri);
            }
        }
        return build(problemFor(new InvalidException(Violations.of(e.getConstraintViolations()))), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(MismatchedInputException e, UriInfo uri) {
        return build(jsonProblem(e), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return build(jsonProblem(e), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpServerRequest request) {
        logRefusal(request, "role not allowed");
        return build(forbidden("Your role does not allow this request."), uri);
    }

    private void logRefusal(HttpServerRequest request, String reason) {
        logRefusal(
                identities.getIdentity(),
                request == null ? "" : request.method().name(),
                request == null ? "" : request.path(),
                reason);
    }

    /** Every refusal is logged with who asked for what, so IT can see attempts to reach what is not theirs. */
    public static void logRefusal(SecurityIdentity identity, String method, String path, String reason) {
        String who = "anonymous";
        if (identity != null && !identity.isAnonymous()) {
            java.util.Set<String> roles = new java.util.TreeSet<>(identity.getRoles());
            roles.retainAll(Roles.ALL);
            who = String.join("+", roles) + ":" + identity.getPrincipal().getName();
        }
        LOG.infof("Refused %s %s %s: %s", who, method, path, reason);
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return build(jsonProblem(json), uri);
            }
            if (cause instanceof ProblemException problem) {
                return build(problem, uri);
            }
            if (cause instanceof DomainException domain) {
                return build(problemFor(domain), uri);
            }
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return build(forStatus(status), uri);
    }

    /** The problem for an HTTP-level refusal (404, 405, 406, 415, ...) that carries nothing more than its status. */
    public static ProblemException forStatus(int status) {
        String title = Response.Status.fromStatusCode(status) == null
                ? "Request failed"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail =
                switch (status) {
                    case 404 -> "There is nothing at this address.";
                    case 405 -> "This address does not accept the HTTP method used.";
                    case 406 -> "The requested response type is not available here.";
                    case 415 -> "The request body's content type is not one this address takes: JSON for the API,"
                            + " the page's own form for a page, CSV for an import (the API document names each).";
                    default -> title + ".";
                };
        String slug = title.toLowerCase().replace(' ', '-');
        return new ProblemException(status, slug, title, detail, null, null);
    }

    @ServerExceptionMapper(priority = 1)
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return build(problemFor(ConflictException.concurrentChange()), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response optimisticLock(StaleStateException e, UriInfo uri) {
        return build(problemFor(ConflictException.concurrentChange()), uri);
    }

    @ServerExceptionMapper(priority = 10)
    public Response anythingElse(Exception e, UriInfo uri) {
        ProblemException known = classify(e);
        if (known != null) {
            if (known.status() >= 500) {
                LOG.warnf("Answering %d for %s: %s", known.status(), path(uri), rootMessage(e));
            }
            return build(known, uri);
        }
        return unexpected(e, uri);
    }

    /**
     * The answer for a failure the caller can act on: an HTTP-level problem, or a domain refusal anywhere in the cause
     * chain (wrapped by interceptors, raised by the database at flush or commit, a database outage), as
     * {@link Failures} names it; null for anything else.
     */
    public static ProblemException classify(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        DomainException domain = Failures.classify(e);
        return domain == null ? null : problemFor(domain);
    }

    /** The 400 naming the field (or the body) that JSON reading stumbled on. */
    public static ProblemException jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            String where = line > 0 ? " at line " + line + ", column " + column : "";
            return invalidField("body", "is not well-formed JSON" + where + ".");
        }
        if (e instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping.getPath());
            if (e instanceof UnrecognizedPropertyException unknown) {
                String name = field.isEmpty() ? unknown.getPropertyName() : field;
                return invalidField(name, "is not a known field.");
            }
            if (e instanceof InvalidFormatException format) {
                Class<?> target = format.getTargetType();
                if (target != null && target.isEnum()) {
                    String allowed = Arrays.stream(target.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
                    return invalidField(
                            orBody(field), "must be one of " + allowed + " (was '" + format.getValue() + "').");
                }
                return invalidField(
                        orBody(field), "must be " + describe(target) + " (was '" + format.getValue() + "').");
            }
            if (e instanceof ValueInstantiationException instantiation) {
                Throwable cause = instantiation.getCause();
                if (cause instanceof ProblemException problem) {
                    return problem;
                }
                if (cause instanceof DomainException domain) {
                    return problemFor(domain);
                }
                String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : "is not valid.";
                return invalidField(orBody(field), reason);
            }
            if (e instanceof MismatchedInputException mismatch) {
                if (field.isEmpty() && mismatch.getTargetType() != null) {
                    return invalidField("body", "must be " + describe(mismatch.getTargetType()) + ".");
                }
                return invalidField(orBody(field), "must be " + describe(mismatch.getTargetType()) + ".");
            }
            return invalidField(orBody(field), "could not be read.");
        }
        return invalidField("body", "could not be read as JSON.");
    }

    /** The 400 naming every field in {@code errors}. */
    public static ProblemException invalid(List<FieldViolation> errors) {
        return problemFor(new InvalidException(errors));
    }

    private static ProblemException invalidField(String field, String message) {
        return problemFor(InvalidException.of(field, message));
    }

    private static String orBody(String field) {
        return field.isEmpty() ? "body" : field;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.getName().startsWith("java.time.LocalDate")) {
            return "a date (YYYY-MM-DD)";
        }
        if (type.getName().startsWith("java.time.")) {
            return "a date-time (ISO-8601, for example 2026-09-01T08:30:00Z)";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private Response unauthenticated(UriInfo uri) {
        return build(ProblemException.unauthenticated(), uri);
    }

    private Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure answering %s", path(uri));
        return build(ProblemException.internalError(), uri);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** Builds the problem response for any {@link ProblemException}. */
    public static Response build(ProblemException e, UriInfo uri) {
        Problem body = Problem.of(e, path(uri), Correlation.current());
        Response.ResponseBuilder builder =
                Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body);
        e.headers().forEach(builder::header);
        return builder.build();
    }
}
