package org.district.checkin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardTest {

    @Inject
    Db db;

    @Test
    void anonymousBrowsersAreSentToSignInAndOtherRolesRefused() {
        given().redirects()
                .follow(false)
                .get("/dashboard")
                .then()
                .statusCode(303)
                .header("Location", containsString("/sign-in"));
        given().redirects()
                .follow(false)
                .cookie("district_token", TestTokens.expired("IT1", "IT_ADMIN"))
                .get("/dashboard")
                .then()
                .statusCode(303)
                .header("Location", containsString("/sign-in"));
        given().header("Authorization", "Bearer " + TestTokens.token("E1", "STAFF"))
                .get("/dashboard")
                .then()
                .statusCode(403);
        given().header(
                        "Authorization",
                        "Bearer " + TestTokens.token(java.util.UUID.randomUUID().toString(), "DEVICE"))
                .get("/dashboard")
                .then()
                .statusCode(403);
        given().get("/sign-in").then().statusCode(200).body(containsString("name=\"token\""));
    }

    @Test
    void rendersForItWithActionsAndForAuditorsReadOnly() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        Feed.Device laptop = db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        Api.as("H1", "HR")
                .body(Map.of(
                        "personId",
                        leaving.id().toString(),
                        "lastWorkingDay",
                        LocalDate.now().toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201);

        String it = given().header("Authorization", "Bearer " + TestTokens.token("IT1", "IT_ADMIN"))
                .queryParam("school", school)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertThat(it)
                .contains("IT dashboard - " + school)
                .contains(laptop.assetTag())
                .contains("Received");
        assertThat(it).contains("<div class=\"count\" id=\"count-open-tasks\"><b>1</b>");

        String auditor = given().header("Authorization", "Bearer " + TestTokens.token("AU1", "AUDITOR"))
                .queryParam("school", school)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(auditor).contains(laptop.assetTag()).doesNotContain("Received");
        // Markup in a filter value is escaped, never rendered.
        given().header("Authorization", "Bearer " + TestTokens.token("IT1", "IT_ADMIN"))
                .queryParam("school", "<script>x</script>")
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(not(containsString("<script>x")));
    }

    @Test
    void signInKeepsTheTokenInAStrictCookieAndFormsNeedTheCsrfToken() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        String taskId = Api.as("H1", "HR")
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

        Response form = given().get("/sign-in");
        String csrf = form.getCookie("district_csrf");
        assertThat(csrf).isNotBlank();
        assertThat(form.asString()).contains("value=\"" + csrf + "\"");

        // Without the form's CSRF token, or with a role the dashboard is not for, there is no sign-in.
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("district_csrf", csrf)
                .formParam("csrf", "forged")
                .formParam("token", TestTokens.token("IT1", "IT_ADMIN"))
                .post("/sign-in")
                .then()
                .statusCode(403)
                .header("Set-Cookie", not(containsString("district_token")));
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("district_csrf", csrf)
                .formParam("csrf", csrf)
                .formParam("token", TestTokens.token("E1", "STAFF"))
                .post("/sign-in")
                .then()
                .statusCode(403);
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("district_csrf", csrf)
                .formParam("csrf", csrf)
                .formParam("token", TestTokens.signedByAnotherKey("IT1", "IT_ADMIN"))
                .post("/sign-in")
                .then()
                .statusCode(401);

        Response signedIn = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("district_csrf", csrf)
                .formParam("csrf", csrf)
                .formParam("token", TestTokens.token("IT1", "IT_ADMIN"))
                .post("/sign-in");
        signedIn.then().statusCode(303).header("Location", containsString("/dashboard"));
        String setCookie = String.join("\n", signedIn.getHeaders().getValues("Set-Cookie"));
        assertThat(setCookie).contains("district_token=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String token = signedIn.getCookie("district_token");

        given().cookie("district_token", token)
                .cookie("district_csrf", csrf)
                .queryParam("school", school)
                .get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("Signed in as IT_ADMIN:IT1"));

        // A state change from the page needs the CSRF token that the page carries.
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("district_token", token)
                .cookie("district_csrf", csrf)
                .formParam("csrf", "forged")
                .post("/dashboard/return-tasks/" + taskId + "/returned")
                .then()
                .statusCode(403);
        assertThat(db.text("select status from return_task where id = ?::uuid", taskId))
                .isEqualTo("OPEN");
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("district_token", TestTokens.token("AU1", "AUDITOR"))
                .cookie("district_csrf", csrf)
                .formParam("csrf", csrf)
                .post("/dashboard/return-tasks/" + taskId + "/returned")
                .then()
                .statusCode(403);
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("district_token", token)
                .cookie("district_csrf", csrf)
                .formParam("csrf", csrf)
                .formParam("school", school)
                .post("/dashboard/return-tasks/" + taskId + "/returned")
                .then()
                .statusCode(303)
                .header("Location", containsString("/dashboard?school=" + school));
        assertThat(db.text("select status from return_task where id = ?::uuid", taskId))
                .isEqualTo("RETURNED");

        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .cookie("district_token", token)
                .cookie("district_csrf", csrf)
                .formParam("csrf", csrf)
                .post("/sign-out")
                .then()
                .statusCode(303)
                .header("Set-Cookie", containsString("district_token=;"));
    }
}
