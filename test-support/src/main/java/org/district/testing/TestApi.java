package org.district.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls a service's API as somebody: a request with a valid token for the subject and roles, sending JSON. */
public final class TestApi {

    private TestApi() {}

    /** A JSON request signed in as {@code subject} holding {@code roles}. */
    public static RequestSpecification as(String subject, String... roles) {
        return given().header("Authorization", "Bearer " + TestTokens.token(subject, roles))
                .contentType(ContentType.JSON);
    }
}
