package org.district.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A plain HTTP client for the services' APIs: no redirects followed, bodies as bytes, JSON helpers. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Http() {}

    /** An answer: status, headers and body. */
    record Reply(String method, String url, int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(method + " " + url + " answered " + status + " with no JSON: " + text(), e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            String shown = text();
            return method + " " + url + " -> " + status + " " + contentType() + " "
                    + (shown.length() > 600 ? shown.substring(0, 600) + "..." : shown);
        }
    }

    /** A request being built. */
    static final class Call {
        private final String method;
        private final String url;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private Duration timeout = Duration.ofSeconds(60);

        private Call(String method, String url) {
            this.method = method;
            this.url = url;
        }

        /** A bearer token of the identity provider (none when null). */
        Call token(String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        /** The whole Authorization header: {@code Bearer <token>} or a device's {@code Device <credential>}. */
        Call authorization(String value) {
            if (value != null) {
                headers.put("Authorization", value);
            }
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call json(Object value) {
            try {
                return body(
                        "application/json",
                        value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Call body(String contentType, byte[] bytes) {
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        /** A body of unknown length, sent chunked, produced while it is sent (never held in memory). */
        Call stream(String contentType, Supplier<InputStream> stream) {
            headers.put("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofInputStream(stream);
            return this;
        }

        Call timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        Reply send() {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(url)).timeout(timeout).method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<byte[]> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> h = new LinkedHashMap<>();
                answer.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
                return new Reply(method, url, answer.statusCode(), h, answer.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Call call(String method, String url) {
        return new Call(method, url);
    }

    static Reply get(String url, String token) {
        return call("GET", url).token(token).send();
    }

    static Reply post(String url, String token, Object json) {
        return call("POST", url).token(token).json(json).send();
    }

    /** POSTs JSON with the given Authorization header (a device's credential, for example). */
    static Reply postAs(String url, String authorization, Object json) {
        return call("POST", url).authorization(authorization).json(json).send();
    }

    static Reply getAs(String url, String authorization) {
        return call("GET", url).authorization(authorization).send();
    }

    static Reply put(String url, String token, Object json) {
        return call("PUT", url).token(token).json(json).send();
    }
}
