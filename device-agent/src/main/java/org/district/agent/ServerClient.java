package org.district.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Speaks the check-in service's device API: enrolment and check-in. Never logs the credential. */
public final class ServerClient {

    private final URI enrolments;
    private final URI checkins;
    private final Transport transport;
    private final Clock clock;

    public ServerClient(URI serverUrl, Transport transport, Clock clock) {
        String base = serverUrl.toString().replaceAll("/+$", "");
        this.enrolments = URI.create(base + "/api/v1/enrolments");
        this.checkins = URI.create(base + "/api/v1/checkins");
        this.transport = transport;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- enrolment

    /** What an enrolment came to. */
    public sealed interface EnrolOutcome permits Enrolled, EnrolRefused {}

    /** The code was exchanged: the device's id and its credential (a secret: never log or print it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enrolled(String deviceId, String credential, Instant issuedAt) implements EnrolOutcome {

        @Override
        public String toString() {
            return "Enrolled[deviceId=" + deviceId + ", issuedAt=" + issuedAt + ", credential=(hidden)]";
        }
    }

    /** The server refused the code (400 wrong, 409 used or expired, 429 too many tries, ...). */
    public record EnrolRefused(int status, Problem problem) implements EnrolOutcome {}

    /**
     * Exchanges a one-time enrolment code for the device's credential.
     *
     * @throws IOException when the server could not be reached
     */
    public EnrolOutcome enrol(String code) throws IOException, InterruptedException {
        byte[] body = Json.MAPPER.writeValueAsBytes(Map.of("code", code));
        Transport.Response response = transport.post(enrolments, Map.of(), body);
        if (response.status() == 200 || response.status() == 201) {
            Enrolled enrolled;
            try {
                enrolled = Json.MAPPER.readValue(response.body(), Enrolled.class);
            } catch (IOException e) {
                return new EnrolRefused(
                        response.status(), Problem.of(response.status(), "Unreadable enrolment answer"));
            }
            if (enrolled.credential() == null || !enrolled.credential().startsWith("dc1.")) {
                return new EnrolRefused(
                        response.status(), Problem.of(response.status(), "Enrolment answer without a credential"));
            }
            return enrolled;
        }
        return new EnrolRefused(response.status(), problem(response));
    }

    // ---------------------------------------------------------------- check-in

    /** What a check-in came to. */
    public sealed interface CheckInOutcome permits Accepted, CredentialRefused, Rejected, RetryLater {}

    /** Stored: the server's answer. */
    public record Accepted(CheckInReply reply) implements CheckInOutcome {}

    /** 401 (credential invalid or revoked), 403 or 409 (device retired): the device must be enrolled again. */
    public record CredentialRefused(int status, Problem problem) implements CheckInOutcome {}

    /** 400, 413, 422 or another 4xx: the request itself is wrong (a bug in the agent); retried at the normal interval. */
    public record Rejected(int status, Problem problem) implements CheckInOutcome {}

    /**
     * 429, 503 (or another 5xx), or no answer at all (status 0): back off, not before {@code retryAfter} when given.
     */
    public record RetryLater(int status, Duration retryAfter, String reason) implements CheckInOutcome {}

    /** Sends one check-in. Never throws for a server or network failure: that is a {@link RetryLater}. */
    public CheckInOutcome checkIn(String credential, CheckInBody body) throws InterruptedException {
        Transport.Response response;
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(body);
            response = transport.post(checkins, Map.of("Authorization", "Device " + credential), json);
        } catch (IOException e) {
            return new RetryLater(
                    0, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            try {
                return new Accepted(Json.MAPPER.readValue(response.body(), CheckInReply.class));
            } catch (IOException e) {
                return new RetryLater(status, null, "unreadable check-in answer");
            }
        }
        if (status == 401 || status == 403 || status == 409) {
            return new CredentialRefused(status, problem(response));
        }
        if (status == 429 || status == 408 || status >= 500) {
            Duration retryAfter =
                    response.header("Retry-After").flatMap(this::retryAfter).orElse(null);
            return new RetryLater(status, retryAfter, problem(response).summary());
        }
        return new Rejected(status, problem(response));
    }

    /** A Retry-After value: delay-seconds or an HTTP date. */
    Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Problem problem(Transport.Response response) {
        try {
            Problem p = Json.MAPPER.readValue(response.body(), Problem.class);
            if (p != null && (p.title() != null || p.detail() != null)) {
                return p;
            }
        } catch (IOException e) {
            // Not a problem document (a proxy's page): described by its status alone.
        }
        return Problem.of(response.status(), "HTTP " + response.status());
    }
}
