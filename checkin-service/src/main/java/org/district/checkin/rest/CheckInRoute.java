package org.district.checkin.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.web.Route;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.district.checkin.config.CheckInSettings;
import org.district.checkin.security.DeviceCredentialIdentityProvider;
import org.district.checkin.security.DeviceCredentialMechanism;
import org.district.checkin.service.CheckInReply;
import org.district.checkin.service.CheckInRequest;
import org.district.checkin.service.CheckInRules;
import org.district.checkin.service.CheckInWriter;
import org.district.support.domain.DomainException;
import org.district.support.domain.Failures;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotPermittedException;
import org.district.support.domain.UnavailableException;
import org.district.support.limits.RateLimits;
import org.district.support.openapi.ApiContract;
import org.district.support.problem.Problem;
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;
import org.district.support.security.Caller;
import org.district.support.time.DistrictClock;
import org.district.support.web.Correlation;
import org.district.support.web.HttpSettings;
import org.district.support.web.WholeBodyCheck;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Where device agents check in: the one request every device sends every interval, so it is served by a plain HTTP
 * route on the event loop instead of the REST layer, and does only what it must. It authenticates the caller through
 * the service's security (the device's enrolment credential), refuses anything but the device itself, reads and
 * checks the body ({@link CheckInRules}), hands the check-in to the group-commit writer and answers once that commits,
 * without holding a thread while it waits. Every refusal is the same {@code application/problem+json} the REST layer
 * gives, with the same correlation id header.
 */
@Singleton
public class CheckInRoute {

    static final String PATH = "/api/v1/checkins";
    private static final Logger LOG = Logger.getLogger(CheckInRoute.class);
    private static final CharSequence JSON = "application/json";
    private static final CharSequence PROBLEM_JSON = Problem.MEDIA_TYPE;

    @Inject
    CheckInWriter writer;

    @Inject
    DistrictClock clock;

    @Inject
    CheckInSettings settings;

    /** The largest check-in body accepted: the REST layer's limit for JSON bodies. */
    @Inject
    HttpSettings http;

    @Inject
    ObjectMapper mapper;

    /** Bean Validation, for naming every bad field of a body that cannot be read. */
    @Inject
    Validator validator;

    @Inject
    RateLimits limits;

    /** The rate limit of each device's check-ins (district.rate-limit.check-ins). */
    static final String CHECK_INS = "check-ins";

    /** Other methods on the check-in address are answered 405 (not the REST layer's 404), as for every endpoint. */
    void otherMethods(@Observes Router router) {
        io.vertx.ext.web.Route other = router.route(PATH);
        for (HttpMethod method : List.of(
                HttpMethod.GET,
                HttpMethod.HEAD,
                HttpMethod.PUT,
                HttpMethod.PATCH,
                HttpMethod.DELETE,
                HttpMethod.OPTIONS)) {
            other.method(method);
        }
        other.handler(rc -> {
            String correlation = Correlation.acceptOrCreate(rc.request().getHeader(Correlation.HEADER));
            rc.response().putHeader(HttpHeaderNames.ALLOW, "POST");
            fail(rc, correlation, ProblemMappers.forStatus(405));
        });
    }

    @Route(path = PATH, methods = Route.HttpMethod.POST)
    @Tag(
            name = "Check-ins",
            description = "Where device agents check in, with the credential IT issued at enrolment, and learn what to"
                    + " do next")
    @Operation(
            operationId = "checkIn",
            summary = "Check in (device agents)",
            description = "Authenticated as the device itself, by the credential IT issued at enrolment"
                    + " (Authorization: Device dc1.<device id>.<secret>; 401 when it is wrong, replaced or revoked, or"
                    + " names a device the district does not know). People's tokens are refused. A device checks in only"
                    + " as itself. The answer lists pending commands (LOCK with the district's return message, WIPE,"
                    + " LOCATE), the next check-in interval and the district power policy. A location is stored only"
                    + " while the device is LOST or STOLEN; otherwise it is dropped unread. Retired or written-off"
                    + " devices get 409. Each device may check in about 10 times a minute (a burst of 20) before it"
                    + " is told to wait (429). Not idempotent: every check-in is stored.")
    @SecurityRequirement(name = ApiContract.DEVICE_CREDENTIAL)
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckInRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Stored; what the device must do next",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckInReply.class)))
    @APIResponse(
            responseCode = "400",
            description = "The body is not JSON, is missing, or a field is not valid; every bad field is named in"
                    + " errors[]")
    @APIResponse(
            responseCode = "401",
            description = "No valid device credential: missing, malformed, wrong, replaced or revoked, or naming a"
                    + " device the district does not know",
            headers =
                    @Header(
                            name = "WWW-Authenticate",
                            description = "The scheme to authenticate with",
                            schema = @Schema(type = SchemaType.STRING, example = "Device")))
    @APIResponse(
            responseCode = "403",
            description = "Not a device (a person's token is never enough), or deviceId names another device")
    @APIResponse(responseCode = "409", description = "The device is retired or written off and no longer checks in")
    @APIResponse(responseCode = "413", description = "The body is larger than the service accepts for JSON")
    @APIResponse(responseCode = "415", description = "The body is not sent as application/json")
    @APIResponse(
            responseCode = "429",
            description = "This device checked in too often; check in again after Retry-After")
    @APIResponse(
            responseCode = "503",
            description = "Busy (more check-ins than the service can write, or not confirmed in time) or the database"
                    + " is unavailable; check in again after Retry-After. A check-in refused as busy or for the"
                    + " database was not stored; one not confirmed in time may still be, and checking in again is"
                    + " safe (a command already confirmed stays done).")
    void checkIn(RoutingContext rc) {
        String correlation = Correlation.acceptOrCreate(rc.request().getHeader(Correlation.HEADER));
        // For every answer and log line of this request, including those written by the security layer's own
        // failure handling (a refused credential), which reads the id from the request's logging context.
        Correlation.set(correlation);
        rc.response().putHeader(Correlation.HEADER, correlation);
        // This request's event loop: where its answer is written, whichever thread authentication or the writer
        // finishes on.
        Context context = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(rc, null)
                .subscribe()
                .with(
                        identity -> guarded(rc, correlation, () -> authenticated(rc, context, correlation, identity)),
                        failure -> {
                            if (failure instanceof AuthenticationFailedException) {
                                fail(rc, correlation, DeviceCredentialMechanism.missing());
                            } else {
                                unexpected(rc, correlation, failure);
                            }
                        });
    }

    private void authenticated(RoutingContext rc, Context context, String correlation, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            fail(rc, correlation, DeviceCredentialMechanism.missing());
            return;
        }
        // Only a device credential admits: a person's token never does, whatever roles it claims (service-support's
        // PeopleRoles drops DEVICE from them).
        byte[] credential = identity.getAttribute(DeviceCredentialIdentityProvider.HASH_ATTRIBUTE);
        if (!identity.hasRole(DeviceCredentialIdentityProvider.ROLE) || credential == null) {
            refuse(
                    rc,
                    correlation,
                    identity,
                    "role not allowed",
                    ProblemMappers.forbidden("Your role does not allow this request."));
            return;
        }
        // The device id the credential names (a well-formed one, or the mechanism would have refused it).
        UUID device = UUID.fromString(Caller.subjectOf(identity));
        // A device checks in once per interval (and again after a command); one that hammers the service, a stolen
        // one or a broken agent, is told to wait before what it sent is even parsed.
        OptionalLong wait = limits.take(CHECK_INS, device.toString());
        if (wait.isPresent()) {
            fail(rc, correlation, ProblemException.tooManyRequests("check-ins", wait.getAsLong()));
            return;
        }
        // Only the device itself learns what is wrong with what it sent.
        if (!isJson(rc.request().getHeader(HttpHeaderNames.CONTENT_TYPE))) {
            fail(rc, correlation, ProblemMappers.forStatus(415));
            return;
        }
        // The body was read by the body handler Quarkus puts in front of every route, up to its own (larger) limit.
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        long maxBodyBytes = http.maxJsonBodyBytes();
        if (body != null && body.length() > maxBodyBytes) {
            fail(rc, correlation, ProblemException.payloadTooLarge(Integer.toString(body.length()), maxBodyBytes));
            return;
        }
        checkIn(rc, context, correlation, identity, device, credential, body);
    }

    private void checkIn(
            RoutingContext rc,
            Context context,
            String correlation,
            SecurityIdentity identity,
            UUID device,
            byte[] credential,
            Buffer bytes) {
        CheckInRequest body;
        try {
            body = bytes == null || bytes.length() == 0
                    ? null
                    : mapper.readValue(bytes.getBytes(), CheckInRequest.class);
        } catch (JsonMappingException e) {
            // Read again field by field, as the REST layer does: one answer names every field that cannot be read,
            // and what the check-in's own rules find in the rest (a patch date in the future beside an unreadable
            // value).
            WholeBodyCheck.Reading reading = new WholeBodyCheck(mapper, validator)
                    .read(bytes.getBytes(), mapper.constructType(CheckInRequest.class));
            List<FieldViolation> all = new ArrayList<>(reading.errors());
            // Only when the field-by-field reading found what Jackson did: a body Jackson refused for a reason the
            // reading cannot see (a key given twice) is answered with Jackson's own words, not the rules' alone.
            if (!all.isEmpty() && reading.value() instanceof CheckInRequest readable) {
                all.addAll(CheckInRules.besides(readable, clock.today(), reading.errors()));
                all.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
            }
            fail(rc, correlation, all.size() <= 1 ? ProblemMappers.jsonProblem(e) : ProblemMappers.invalid(all));
            return;
        } catch (JsonProcessingException e) {
            fail(rc, correlation, ProblemMappers.jsonProblem(e));
            return;
        } catch (java.io.IOException e) {
            fail(rc, correlation, ProblemMappers.problemFor(InvalidException.of("body", "could not be read as JSON.")));
            return;
        }
        if (body == null) {
            fail(rc, correlation, ProblemMappers.problemFor(InvalidException.of("body", "must not be null")));
            return;
        }
        if (body.deviceId() != null && !body.deviceId().equals(device)) {
            refuse(
                    rc,
                    correlation,
                    identity,
                    "deviceId names another device",
                    ProblemMappers.forbidden("A device may check in only as itself; deviceId names another device."));
            return;
        }
        CompletableFuture<CheckInReply> reply;
        try {
            CheckInRules.validate(body, clock.today());
            reply = writer.submit(device, credential, body, clock.now(), observedAddress(rc));
        } catch (DomainException e) {
            fail(rc, correlation, problemFor(e));
            return;
        }
        // The writer completes the future on its own thread; the answer is written on this request's event loop.
        long timeoutMs = settings.ingest().replyTimeout().toMillis();
        long timer = context.owner().setTimer(timeoutMs, id -> reply.completeExceptionally(notConfirmed()));
        reply.whenComplete((answer, failure) -> context.runOnContext(v -> guarded(rc, correlation, () -> {
            context.owner().cancelTimer(timer);
            if (failure == null) {
                respond(rc, correlation, answer);
            } else if (failure instanceof DomainException refusal) {
                fail(rc, correlation, problemFor(refusal));
            } else {
                unexpected(rc, correlation, failure);
            }
        })));
    }

    /** Runs a step of the request so that whatever it throws is still answered (a 500 that reveals nothing). */
    private void guarded(RoutingContext rc, String correlation, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            unexpected(rc, correlation, e);
        }
    }

    private void respond(RoutingContext rc, String correlation, CheckInReply reply) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(reply);
        } catch (JsonProcessingException e) {
            unexpected(rc, correlation, e);
            return;
        }
        send(rc, 200, JSON, Map.of(), correlation, json);
    }

    private void refuse(
            RoutingContext rc, String correlation, SecurityIdentity identity, String reason, ProblemException e) {
        ProblemMappers.logRefusal(identity, "POST", PATH, reason);
        fail(rc, correlation, e);
    }

    private void fail(RoutingContext rc, String correlation, ProblemException e) {
        send(
                rc,
                e.status(),
                PROBLEM_JSON,
                e.headers(),
                correlation,
                Problem.json(mapper, e, rc.request().path(), correlation));
    }

    /**
     * The address the request came from, as this service sees it: the connection's, or behind the ingress the address
     * the ingress forwards (HTTP_PROXY_FORWARDING, believed from HTTP_TRUSTED_PROXIES only). Unlike the address in the
     * body, the device cannot choose it. Checked to be a literal address only where an alert uses it.
     */
    private static String observedAddress(RoutingContext rc) {
        SocketAddress from = rc.request().remoteAddress();
        return from == null ? null : from.hostAddress();
    }

    /** Ends the response, unless it already ended (a timed-out check-in answered before its writer finished). */
    private static void send(
            RoutingContext rc,
            int status,
            CharSequence type,
            Map<String, String> headers,
            String correlation,
            byte[] body) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            return;
        }
        headers.forEach(response::putHeader);
        response.setStatusCode(status)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, type)
                .putHeader(Correlation.HEADER, correlation)
                .end(Buffer.buffer(body));
    }

    private void unexpected(RoutingContext rc, String correlation, Throwable failure) {
        DomainException refusal = Failures.classify(failure);
        ProblemException known = refusal != null ? problemFor(refusal) : ProblemMappers.classify(failure);
        if (known != null) {
            fail(rc, correlation, known);
            return;
        }
        LOG.errorf(failure, "Unexpected failure answering a check-in (correlation id %s)", correlation);
        fail(rc, correlation, ProblemException.internalError());
    }

    /**
     * The answer to a refusal of the check-in: a credential the writer did not accept (its only NotPermitted) is an
     * authentication failure, answered with the security layer's 401 for a bad credential; every other refusal is
     * answered as everywhere.
     */
    private static ProblemException problemFor(DomainException refusal) {
        if (refusal instanceof NotPermittedException) {
            return DeviceCredentialMechanism.notAccepted();
        }
        return ProblemMappers.problemFor(refusal);
    }

    /** JSON, with or without parameters; a body sent without a content type is read as JSON too. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        return type.equalsIgnoreCase("application/json");
    }

    private static UnavailableException notConfirmed() {
        return new UnavailableException(
                UnavailableException.Reason.BUSY, "The check-in could not be confirmed in time; check in again.", 5);
    }
}
