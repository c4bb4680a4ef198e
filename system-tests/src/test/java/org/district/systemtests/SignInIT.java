package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.district.systemtests.District.Device;
import org.district.systemtests.District.Person;
import org.district.testing.Keycloak;
import org.district.testing.TestTokens;
import org.district.testing.WebSignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in through the district's identity provider, across the running services: each service refuses, with the same
 * problem details, the tokens it must not trust (the development key of earlier versions, a token the provider issued
 * to another application, an expired one, one older than the maximum age) while it accepts the provider's own; the
 * APIs take bearer tokens only and the console's pages its session only; and the HR system, signed in as itself with the
 * client-credentials grant of its own client, posts the people sync and an offboarding.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInIT {

    /** The HR system's client in the district realm (deploy/keycloak/district-realm.json), with its development secret. */
    static final String HR_CLIENT = "hr-system";

    static final String HR_CLIENT_SECRET = "hr-system-secret-for-local-development-only";

    /** What a browser asks for when it opens an address. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private DistrictSystem system;
    private District district;

    @BeforeAll
    void start() {
        system = DistrictSystem.current();
        district = new District(system);
    }

    @Test
    void everyServiceRefusesTheTokensItMustNotTrustAndAcceptsTheProvidersOwn() {
        String it = district.itId;
        Map<String, Supplier<String>> refused = new LinkedHashMap<>();
        refused.put("the retired development key", () -> TestTokens.retiredDevelopmentKey(it, "IT_ADMIN"));
        refused.put("another client of the realm", () -> TestTokens.forAnotherClient(it, "IT_ADMIN"));
        refused.put("an expired token", () -> TestTokens.expired(it, "IT_ADMIN"));
        refused.put(
                "a token older than the maximum age",
                () -> TestTokens.issuedAgo(AuthorizationIT.OLDER_THAN_MAX_AGE, it, "IT_ADMIN"));

        for (String url : List.of(
                system.inventory("/api/v1/devices?limit=1"),
                system.lossReport("/api/v1/loss-reports?limit=1"),
                system.checkin("/api/v1/devices/overdue?limit=1"))) {
            Http.Reply real = Http.get(url, district.itToken());
            assertThat(real.status()).as("the provider's own token: " + real).isEqualTo(200);
            // Signed with the key the tests added to the realm, a minute old: trusted, so the refusals below are for
            // what each token is, not for the key that signed the expired and the old one.
            Http.Reply fresh = Http.get(url, TestTokens.issuedAgo(Duration.ofMinutes(1), it, "IT_ADMIN"));
            assertThat(fresh.status())
                    .as("a fresh token of a key the realm publishes: " + fresh)
                    .isEqualTo(200);

            refused.forEach((what, token) -> {
                Http.Reply reply = Http.get(url, token.get());
                assertRefusedSignIn(reply, what);
                assertThat(reply.text()).doesNotContain("\"items\"");
            });
        }
    }

    @Test
    void theApisTakeBearerTokensOnlyAndNeverSendToTheLoginPage() {
        WebSignIn staff = WebSignIn.as(system.consolePage("/my-reports"), system.id("STF"), "STAFF");
        assertThat(staff.cookies()).as("the browser holds a session").isNotEmpty();

        // The console's session is no sign-in on an API, and a browser opening an API is not sent to log in.
        Http.Reply withSession = Http.call("GET", system.lossReport("/api/v1/loss-reports"))
                .header("Cookie", cookieHeader(staff.cookies()))
                .header("Accept", "application/json")
                .send();
        assertRefusedSignIn(withSession, "a console session on the API");
        for (String url : List.of(
                system.inventory("/api/v1/devices"),
                system.lossReport("/api/v1/loss-reports"),
                system.checkin("/api/v1/return-tasks"))) {
            Http.Reply none =
                    Http.call("GET", url).header("Accept", BROWSER_ACCEPT).send();
            assertRefusedSignIn(none, "no token");
        }
    }

    @Test
    void theConsoleTakesItsSessionOnlyAndSendsEveryoneElseToTheLoginPage() {
        Map<String, String> pages = Map.of(
                system.consolePage("/my-reports"), TestTokens.token(system.id("STF"), "STAFF"),
                system.consolePage("/"), district.itToken());
        pages.forEach((page, token) -> {
            Http.Reply reply = Http.call("GET", page)
                    .token(token)
                    .header("Accept", "text/html")
                    .send();
            assertThat(AuthorizationIT.sendsToSignIn(reply))
                    .as("a valid bearer token is no sign-in on a page: " + reply)
                    .isTrue();
            assertThat(reply.header("location"))
                    .contains("code_challenge_method=S256")
                    .contains("response_type=code");
        });
    }

    @Test
    void theHrSystemSyncsPeopleAndOffboardsWithItsOwnClient() {
        String hr = Keycloak.clientCredentials(HR_CLIENT, HR_CLIENT_SECRET).accessToken();
        String districtId = system.id("HRSYNC");

        ArrayNode people = Http.JSON.createArrayNode();
        people.addObject()
                .put("districtId", districtId)
                .put("givenName", "Robin")
                .put("familyName", "Park " + districtId)
                .put("email", districtId.toLowerCase() + "@district.example")
                .put("kind", "EMPLOYEE")
                .put("school", system.school())
                .put("aupAcknowledgedOn", DistrictSystem.today().toString());
        Http.Reply synced = Http.post(system.inventory("/api/v1/people/bulk"), hr, people);
        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(synced.json().get("created").asInt()).as(synced.toString()).isEqualTo(1);
        assertThat(synced.json().get("rejected").asInt()).isZero();

        JsonNode found = Http.get(system.inventory("/api/v1/people?q=" + districtId), district.itToken())
                .json()
                .get("items")
                .get(0);
        Person person = new Person(
                UUID.fromString(found.get("id").asText()),
                districtId,
                found.get("email").asText());
        JsonNode history = Http.get(system.inventory("/api/v1/people/" + person.id() + "/history"), district.itToken())
                .json();
        assertThat(history.toString())
                .as("the sync is recorded under the HR system's own name")
                .contains("HR:HR-SYSTEM");

        Device laptop = district.device("LAPTOP", false);
        district.assign(laptop, person);
        district.awaitReadModels(person);
        district.awaitReadModels(laptop, "ASSIGNED", person);

        Http.Reply offboarded = Http.post(
                system.checkin("/api/v1/offboardings"),
                hr,
                Map.of(
                        "districtId",
                        districtId,
                        "lastWorkingDay",
                        DistrictSystem.today().plusDays(14).toString()));
        assertThat(offboarded.status()).as(offboarded.toString()).isEqualTo(201);
        assertThat(offboarded.json().get("tasksOpened").asInt()).isEqualTo(1);
        assertThat(offboarded.json().at("/openTasks/0/deviceId").asText())
                .isEqualTo(laptop.id().toString());

        // The HR system holds HR's role and nothing more.
        Http.Reply locations = Http.get(system.checkin("/api/v1/devices/" + laptop.id() + "/locations"), hr);
        assertThat(locations.status()).as(locations.toString()).isEqualTo(403);
        assertThat(locations.isProblem()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(system.checkin.logText())
                .as("the refusal is logged, naming the HR system")
                .contains(":HR-SYSTEM GET /api/v1/devices/" + laptop.id() + "/locations"));
    }

    // ---------------------------------------------------------------- helpers

    /** 401 with the problem details every refused sign-in gets, naming the bearer scheme. */
    private static void assertRefusedSignIn(Http.Reply reply, String what) {
        assertThat(reply.status()).as(what + ": " + reply).isEqualTo(401);
        assertThat(reply.isProblem()).as(what + ": problem+json: " + reply).isTrue();
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("type").asText()).as(what).endsWith("unauthenticated");
        assertThat(problem.get("title").asText()).as(what).isEqualTo("Sign-in required");
        assertThat(reply.header("www-authenticate")).as(what).startsWith("Bearer");
        assertThat(reply.header("location"))
                .as(what + ": never sent to a login page")
                .isNull();
    }

    private static String cookieHeader(Map<String, String> cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ")
                .append(name)
                .append('=')
                .append(value));
        return header.toString();
    }
}
