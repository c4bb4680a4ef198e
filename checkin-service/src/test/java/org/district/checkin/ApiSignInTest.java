package org.district.checkin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.district.testing.Keycloak;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The API trusts the district's identity provider and nothing else: a bearer access token it issued for the district's
 * API, younger than the maximum age. Every other token is answered 401 with problem details (never a redirect to a
 * login page), and the HR system signs in as a machine client with its own client credentials.
 */
@QuarkusTest
class ApiSignInTest {

    private static final String OVERDUE = "/api/v1/devices/overdue";

    @Inject
    Db db;

    @Test
    void onlyTheProvidersTokensForTheDistrictApiAreAccepted() {
        String it = "IT-" + Feed.RUN;
        given().header("Authorization", TestTokens.bearer(it, "IT_ADMIN"))
                .get(OVERDUE)
                .then()
                .statusCode(200);

        Map<String, String> refused = TestTokens.refused(it, "IT_ADMIN");
        for (Map.Entry<String, String> token : refused.entrySet()) {
            for (String method : new String[] {"GET", "POST"}) {
                var answer = given().redirects()
                        .follow(false)
                        .header("Authorization", "Bearer " + token.getValue())
                        .contentType("application/json")
                        .body(
                                method.equals("POST")
                                        ? Map.of(
                                                "lastWorkingDay",
                                                LocalDate.now().toString())
                                        : Map.of())
                        .request(method, method.equals("POST") ? "/api/v1/offboardings" : OVERDUE)
                        .then();
                answer.statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer")
                        .header("Location", nullValue())
                        .body("type", equalTo("urn:district:problem:unauthenticated"))
                        .body("status", equalTo(401));
            }
        }
        // Without any token: the same, never a redirect to a login page.
        given().redirects()
                .follow(false)
                .get(OVERDUE)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("Location", nullValue());
        // A session cookie is not a way into the API either (one of the former dashboard's, and not even valid here).
        given().redirects()
                .follow(false)
                .cookie("__Host-q_session_web_checkin", "made-up")
                .get(OVERDUE)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void theHrSystemPostsOffboardingsWithItsClientCredentials() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        Feed.Device laptop = db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        String hrSystem = Keycloak.clientCredentials("hr-system", "hr-system-secret-for-local-development-only")
                .accessToken();

        given().header("Authorization", "Bearer " + hrSystem)
                .contentType("application/json")
                .body(Map.of(
                        "personId",
                        leaving.id().toString(),
                        "lastWorkingDay",
                        LocalDate.now().plusDays(3).toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201)
                .body("tasksOpened", equalTo(1))
                .body("openTasks[0].deviceId", equalTo(laptop.id().toString()));
        // Recorded as the HR system's doing (its district id claim), with its role.
        assertThat(db.text("select requested_by from offboarding where person_id = ?", leaving.id()))
                .isEqualTo("HR:HR-SYSTEM");

        // Its role is HR and nothing more.
        given().header("Authorization", "Bearer " + hrSystem)
                .get(OVERDUE)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
