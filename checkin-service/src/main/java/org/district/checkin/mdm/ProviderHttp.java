package org.district.checkin.mdm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Requests to a device manager, the same way for every manager: each carries the current access token; 429 and 503
 * are asked again after the manager's Retry-After (seconds or a date; capped by {@code max-retry-wait}), other 5xx
 * and lost connections after a growing pause, and a 401 once with a renewed token. Every retry asks for the same
 * thing (the same page token), so a page that failed is asked again, not the listing from the start. Other answers go
 * back to the caller.
 */
public final class ProviderHttp {

    private static final Logger LOG = Logger.getLogger(ProviderHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A manager's signed-in client, made at its first use (reading the credentials then) and forgotten on demand, so
     * the next use signs in afresh (after the district replaced a key or secret).
     */
    public static final class Session {

        /** Signs in: the credentials read and checked, the client made. */
        @FunctionalInterface
        public interface SignIn {
            ProviderHttp signIn() throws ProviderException;
        }

        private final SignIn signIn;
        private ProviderHttp http;

        public Session(SignIn signIn) {
            this.signIn = signIn;
        }

        public synchronized ProviderHttp http() throws ProviderException {
            if (http == null) {
                http = signIn.signIn();
            }
            return http;
        }

        public synchronized void forget() {
            http = null;
        }
    }

    /** The manager's access tokens: the current one (fetched when there is none or it expired), or a new one. */
    public interface Tokens {
        String current() throws IOException;

        String renewed() throws IOException;
    }

    private final HttpClient client;
    private final MdmSettings settings;
    private final Tokens tokens;
    private final String name;

    public ProviderHttp(MdmSettings settings, Tokens tokens, String name) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.settings = settings;
        this.tokens = tokens;
        this.name = name;
    }

    /** Sends the request (built anew for each try) and answers the manager's final answer. */
    public HttpResponse<byte[]> send(HttpRequest.Builder request) throws ProviderException {
        int attempts = Math.max(1, settings.maxAttempts());
        boolean renewed = false;
        String token;
        try {
            token = tokens.current();
        } catch (IOException e) {
            throw new ProviderException(
                    name + ": no access token (" + Untrusted.message(e.getMessage(), 200) + ")", true);
        }
        String last = "no answer";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = client.send(
                        request.copy()
                                .header("Authorization", "Bearer " + token)
                                .timeout(settings.requestTimeout())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                last = "no answer (" + e.getClass().getSimpleName() + ")";
                pause(attempt, attempts, backoff(attempt), last);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(name + ": interrupted", true);
            }
            int status = response.statusCode();
            if (status == 401 && !renewed) {
                // The token expired or was revoked early: one new token, then the same request again.
                renewed = true;
                try {
                    token = tokens.renewed();
                } catch (IOException e) {
                    throw new ProviderException(
                            name + ": the access token could not be renewed (" + Untrusted.message(e.getMessage(), 200)
                                    + ")",
                            false);
                }
                attempt--;
                continue;
            }
            if (status == 429 || status == 503) {
                last = "HTTP " + status;
                pause(attempt, attempts, retryAfter(response).orElse(backoff(attempt)), last);
                continue;
            }
            if (status == 500 || status == 502 || status == 504) {
                last = "HTTP " + status;
                pause(attempt, attempts, backoff(attempt), last);
                continue;
            }
            return response;
        }
        throw new ProviderException(name + ": gave up after " + attempts + " tries (" + last + ")", true);
    }

    /**
     * The manager's answer as a JSON object; any other status than 2xx is a {@link ProviderException} naming the status
     * and the manager's message ({@code error.message}, as Google and Microsoft Graph both give it), checked.
     */
    public JsonNode json(HttpResponse<byte[]> response) throws ProviderException {
        int status = response.statusCode();
        if (status / 100 != 2) {
            String reason = errorMessage(response);
            throw new ProviderException(name + " answered " + status + (reason == null ? "" : ": " + reason), false);
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new ProviderException(name + "'s answer is not a JSON object", false);
            }
            return body;
        } catch (IOException e) {
            throw new ProviderException(name + "'s answer is not JSON", false);
        }
    }

    /** The manager's error message in an answer ({@code error.message}), checked; null when there is none. */
    public static String errorMessage(HttpResponse<byte[]> response) {
        try {
            String reason =
                    JSON.readTree(response.body()).path("error").path("message").asText(null);
            return reason == null ? null : Untrusted.message(reason, 200);
        } catch (IOException | RuntimeException e) {
            // Not JSON: the status says enough.
            return null;
        }
    }

    private void pause(int attempt, int attempts, Duration wait, String why) throws ProviderException {
        if (attempt >= attempts) {
            return;
        }
        Duration capped = wait.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : wait;
        LOG.infof("%s: %s; asking again in %d ms (try %d of %d)", name, why, capped.toMillis(), attempt + 1, attempts);
        try {
            Thread.sleep(Math.max(0, capped.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(name + ": interrupted", true);
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(500L << Math.min(attempt - 1, 8));
    }

    /** Retry-After as delay-seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(seconds, 86_400)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException other) {
                return Optional.empty();
            }
        }
    }
}
