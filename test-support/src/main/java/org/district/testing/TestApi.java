package org.district.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Calls a service's API as somebody: a request with a valid token for the subject and roles, sending JSON. */
public final class TestApi {

    private TestApi() {}

    /** A JSON request signed in as {@code subject} holding {@code roles}. */
    public static RequestSpecification as(String subject, String... roles) {
        return given().header("Authorization", "Bearer " + TestTokens.token(subject, roles))
                .contentType(ContentType.JSON);
    }

    /**
     * POSTs {@code body} to the service under test in chunks (Transfer-Encoding: chunked, no Content-Length), as a
     * client that does not say how much it will send.
     */
    public static HttpResponse<String> postInChunks(
            String path, String authorization, String contentType, String body) {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
