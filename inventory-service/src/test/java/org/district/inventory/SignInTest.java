package org.district.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.district.testing.Keycloak;
import org.district.testing.TestApi;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Which tokens of the district's identity provider the API admits, whom they name, and how it refuses all others. */
@QuarkusTest
class SignInTest {

    private static final String DEVICES = "/api/v1/devices";
    private static final String PEOPLE = "/api/v1/people";

    /** Older than the service's maximum token age (OIDC_TOKEN_MAX_AGE, PT15M here), though not expired. */
    private static final Duration OLDER_THAN_MAX_AGE = Duration.ofMinutes(20);

    /** Well within the maximum token age. */
    private static final Duration YOUNGER_THAN_MAX_AGE = Duration.ofMinutes(5);

    /** The HR system's machine client in the district realm (deploy/keycloak/district-realm.json). */
    private static final String HR_CLIENT = "hr-system";

    private static final String HR_CLIENT_SECRET = "hr-system-secret-for-local-development-only";

    /** A request the service must refuse, named for the failure message. */
    record Refused(String what, RequestSpecification request) {}

    /** Requests carrying every kind of credential the API must not accept, each for an IT administrator. */
    private static List<Refused> refusedCredentials(String subject) {
        List<Refused> refused = new ArrayList<>();
        refused.add(new Refused("no token", json()));
        refused.add(new Refused(
                "the retired development key", bearer(TestTokens.retiredDevelopmentKey(subject, "IT_ADMIN"))));
        refused.add(
                new Refused("a token for another client", bearer(TestTokens.forAnotherClient(subject, "IT_ADMIN"))));
        refused.add(new Refused("an expired token", bearer(TestTokens.expired(subject, "IT_ADMIN"))));
        refused.add(new Refused(
                "a token older than the maximum age",
                bearer(TestTokens.issuedAgo(OLDER_THAN_MAX_AGE, subject, "IT_ADMIN"))));
        refused.add(
                new Refused("a ten-year token issued an hour ago", bearer(TestTokens.tenYears(subject, "IT_ADMIN"))));
        refused.add(new Refused(
                "a token signed by another key", bearer(TestTokens.signedByAnotherKey(subject, "IT_ADMIN"))));
        refused.add(new Refused("an unsigned token", bearer(TestTokens.unsigned(subject, "IT_ADMIN"))));
        refused.add(new Refused("not a token", bearer("not.a.token")));
        refused.add(new Refused("basic credentials", json().header("Authorization", "Basic SVQtMTpzZWNyZXQ=")));
        return refused;
    }

    @Test
    void onlyTheRealmsTokensForTheDistrictApiAreAdmittedOnReadsAndWrites() {
        String subject = Api.unique("IT");
        String device = Api.registerLaptop(false);
        String tag = Api.unique("REFUSED");
        String districtId = Api.unique("E");
        Map<String, Function<RequestSpecification, Response>> calls = Map.of(
                "GET devices/{id}", r -> r.get(DEVICES + "/" + device),
                "GET devices", r -> r.get(DEVICES),
                "POST devices", r -> r.body(Api.purchasedLaptop(tag, false)).post(DEVICES),
                "POST people/bulk",
                        r -> r.body(List.of(Api.person(districtId, null, null))).post(PEOPLE + "/bulk"));

        List<String> failures = new ArrayList<>();
        calls.forEach((name, call) -> {
            for (Refused refused : refusedCredentials(subject)) {
                failures.addAll(unauthenticatedProblems(call.apply(refused.request()), refused.what() + " on " + name));
            }
        });
        assertThat(failures).isEmpty();

        // The refused writes changed nothing.
        Api.it().queryParam("q", tag).get(DEVICES).then().statusCode(200).body("items", empty());
        Api.it().queryParam("q", districtId).get(PEOPLE).then().statusCode(200).body("items", empty());

        // The same person with a token of the realm is let in, and a token of the realm's own shape is refused only
        // for its age: the refusals above are about the tokens, not the requests.
        TestApi.as(subject, "IT_ADMIN")
                .get(DEVICES + "/" + device)
                .then()
                .statusCode(200)
                .body("id", equalTo(device));
        bearer(TestTokens.issuedAgo(YOUNGER_THAN_MAX_AGE, subject, "IT_ADMIN"))
                .get(DEVICES + "/" + device)
                .then()
                .statusCode(200);
    }

    @Test
    void aRealTokenWithARoleTheEndpointDoesNotAdmitIsForbidden() {
        String device = Api.registerLaptop(false);
        String tag = Api.unique("STAFF-WRITE");
        String staff = Api.employee();
        for (Response response : List.of(
                TestApi.as(staff, "STAFF").get(DEVICES + "/" + device + "/history"),
                TestApi.as(staff, "STAFF").body(Api.purchasedLaptop(tag, false)).post(DEVICES))) {
            response.then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:district:problem:forbidden"))
                    .body("status", equalTo(403))
                    .body("detail", equalTo("Your role does not allow this request."));
            assertThat(response.header("WWW-Authenticate")).isNull();
        }
        Api.it().queryParam("q", tag).get(DEVICES).then().body("items", empty());
    }

    @Test
    void aStaffMemberIsTheDistrictIdOfTheirTokenAndSeesOnlyTheirOwnDevice() {
        String staff = Api.employee();
        String colleague = Api.employee();
        String own = Api.registerLaptop(false);
        String colleagues = Api.registerLaptop(false);
        Api.assign(own, staff);
        Api.assign(colleagues, colleague);

        String token = TestTokens.token(staff, "STAFF");
        JsonPath claims = claims(token);
        assertThat(claims.getString("district_id")).isEqualTo(staff);
        // The token's subject is the provider's own user id: the person is named by the district id claim alone.
        assertThat(claims.getString("sub")).isNotEqualToIgnoringCase(staff);
        assertThat(claims.getString("iss")).isEqualTo(Keycloak.ISSUER);

        bearer(token).get(DEVICES + "/" + own).then().statusCode(200).body("id", equalTo(own));
        bearer(token).get(PEOPLE + "/me").then().statusCode(200).body("districtId", equalTo(staff));
        bearer(token)
                .get(DEVICES + "/" + colleagues)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:district:problem:not-found"));
        assertThat(bearer(token).get(DEVICES).jsonPath().getList("items.id", String.class))
                .containsExactly(own);
    }

    @Test
    void theHrSystemSyncsPeopleWithTheClientCredentialsOfItsOwnClient() {
        String token = Keycloak.clientCredentials(HR_CLIENT, HR_CLIENT_SECRET).accessToken();
        JsonPath claims = claims(token);
        assertThat(claims.getString("azp")).isEqualTo(HR_CLIENT);
        assertThat(claims.getList("realm_access.roles", String.class)).contains("HR");

        String newcomer = Api.unique("E");
        bearer(token)
                .body(List.of(Api.person(newcomer, null, null)))
                .post(PEOPLE + "/bulk")
                .then()
                .statusCode(200)
                .body("rows", equalTo(1))
                .body("created", equalTo(1))
                .body("rejected", equalTo(0));
        List<Map<String, Object>> history = Api.it()
                .get(PEOPLE + "/" + Api.personId(newcomer) + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(history).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("actor", "HR:" + claims.getString("district_id")));

        // The HR system may do what HR may, and nothing IT alone may.
        bearer(token)
                .body(Api.purchasedLaptop(Api.unique("HR-TAG"), false))
                .post(DEVICES)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    /** What is wrong with a response that should refuse an unauthenticated request; empty when it does. */
    static List<String> unauthenticatedProblems(Response response, String what) {
        String where = what;
        List<String> problems = new ArrayList<>();
        if (response.statusCode() != 401) {
            problems.add(where + ": status " + response.statusCode() + " " + response.asString());
            return problems;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            problems.add(where + ": content type " + response.contentType());
            return problems;
        }
        String challenge = response.header("WWW-Authenticate");
        if (challenge == null || !challenge.startsWith("Bearer")) {
            problems.add(where + ": challenge " + challenge);
        }
        JsonPath body = response.jsonPath();
        if (!"urn:district:problem:unauthenticated".equals(body.getString("type"))
                || body.getInt("status") != 401
                || !"Sign-in required".equals(body.getString("title"))) {
            problems.add(where + ": body " + response.asString());
        }
        if (response.asString().contains("Exception") || response.asString().contains("at org.")) {
            problems.add(where + ": leaks a stack trace");
        }
        return problems;
    }

    /** The claims of a token, as the service reads them. */
    static JsonPath claims(String token) {
        String payload = token.split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static RequestSpecification bearer(String token) {
        return json().header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }
}
