package org.district.checkin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The IT dashboard and the pages around signing out moved to the IT console: their old addresses, from a bookmark,
 * lead there for good without anyone signing in here, and the dashboard's form is gone, so nothing can be changed
 * through it.
 */
@QuarkusTest
class MovedPagesTest {

    /** The console as the tests' configuration names it (district.links.console-base-url). */
    private static final String CONSOLE = "http://localhost:8084";

    @Inject
    Db db;

    @Test
    void everyOldPageLeadsForGoodToItsPlaceInTheConsoleWithoutSigningIn() {
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put("/dashboard", CONSOLE + "/");
        // Whatever the address carries, the way on is the console's own page, never somewhere the address names.
        moved.put("/dashboard?school=LINCOLN-HS&next=https://evil.example/", CONSOLE + "/");
        moved.put("/confirm-sign-out", CONSOLE + "/confirm-sign-out");
        moved.put("/signed-out", CONSOLE + "/signed-out");

        moved.forEach((path, target) -> {
            Response answer = given().redirects().follow(false).get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(301);
            assertThat(answer.header("Location")).as(path).isEqualTo(target);
            // A browser still holding the session cookie of the old dashboard is sent on the same way.
            Response withOldSession = given().redirects()
                    .follow(false)
                    .cookie("__Host-q_session_web_checkin", "an-old-session-key")
                    .get(path);
            assertThat(withOldSession.statusCode())
                    .as(path + " with an old session")
                    .isEqualTo(301);
            assertThat(withOldSession.header("Location"))
                    .as(path + " with an old session")
                    .isEqualTo(target);
        });

        // An address that never was a page is not sent anywhere.
        given().redirects()
                .follow(false)
                .get("/no-such-page")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .header("Location", nullValue());
    }

    @Test
    void theDashboardsFormIsGoneAndNothingIsChangedThroughIt() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        String taskId = Api.as("HR-" + Feed.RUN, "HR")
                .body(Map.of(
                        "personId",
                        leaving.id().toString(),
                        "lastWorkingDay",
                        LocalDate.now().toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201)
                .extract()
                .path("openTasks[0].id");

        // Neither anonymously nor signed in to the API as IT, who could receive the device there.
        List<Supplier<RequestSpecification>> callers = List.of(
                () -> given(), () -> given().header("Authorization", TestTokens.bearer("IT-" + Feed.RUN, "IT_ADMIN")));
        for (Supplier<RequestSpecification> caller : callers) {
            assertGone(caller.get(), "/dashboard/return-tasks/" + taskId + "/returned", Map.of("school", school));
            assertGone(caller.get(), "/dashboard", Map.of("school", school));
            assertGone(caller.get(), "/sign-out", Map.of("csrf-token", "a-token-of-the-old-dashboard"));
        }

        assertThat(db.text("select status from return_task where id = ?::uuid", taskId))
                .as("the device was not received through the old form")
                .isEqualTo("OPEN");
    }

    private static void assertGone(RequestSpecification request, String path, Map<String, String> form) {
        Response answer = request.redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParams(form)
                .post(path);
        assertThat(answer.statusCode()).as("POST " + path).isIn(404, 405);
        assertThat(answer.header("Location")).as("POST " + path).isNull();
    }
}
