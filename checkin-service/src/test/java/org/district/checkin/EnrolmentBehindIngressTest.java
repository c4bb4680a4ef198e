package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Behind the district's ingress every request arrives from the ingress: the limits per network address (enrolment
 * codes, device credentials that do not match) must count each device's own address, as the ingress forwards it, or
 * one device sending bad codes or made-up credentials blocks all. (Here the tests' own address, 127.0.0.1, stands for
 * the ingress.)
 */
@QuarkusTest
@TestProfile(EnrolmentBehindIngressTest.BehindIngress.class)
class EnrolmentBehindIngressTest {

    public static class BehindIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
                    "district.rate-limit.enrolments.burst", "5",
                    "district.rate-limit.enrolments.per-minute", "1",
                    "district.rate-limit.credential-misses.burst", "5",
                    "district.rate-limit.credential-misses.per-minute", "1");
        }
    }

    @Inject
    Db db;

    @Test
    void oneDeviceGuessingCodesIsCutOffAndTheOthersBehindTheSameIngressAreNot() {
        // Documentation addresses; the limit's buckets are kept in the database, so an earlier run's are cleared.
        String guesser = "198.51.100.7";
        String other = "203.0.113.9";
        db.execute("delete from rate_limit_bucket where caller in (?, ?)", guesser, other);
        int refusedAt = 0;
        for (int i = 1; i <= 20 && refusedAt == 0; i++) {
            int status = enrolFrom(guesser);
            if (status == 429) {
                refusedAt = i;
            } else {
                assertThat(status).as("a wrong code").isEqualTo(400);
            }
        }
        assertThat(refusedAt).as("the guesser is refused once its 5 are spent").isEqualTo(6);

        assertThat(enrolFrom(other))
                .as("another device behind the same ingress")
                .isEqualTo(400);
        assertThat(enrolFrom(guesser)).isEqualTo(429);
    }

    @Test
    void aNetworkPresentingMadeUpCredentialsIsCutOffBeforeTheDatabaseAndTheDevicesAlreadyCheckedGoOn() {
        String guesser = "198.51.100.8";
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String credential = Api.credential(laptop.id());
        // The laptop checks in from the guesser's network first: its credential is checked and kept.
        checkInFrom(guesser, credential).statusCode(200);

        int refusedAt = 0;
        for (int i = 1; i <= 20 && refusedAt == 0; i++) {
            ValidatableResponse answer = checkInFrom(guesser, madeUp());
            if (answer.extract().statusCode() == 429) {
                refusedAt = i;
                answer.contentType("application/problem+json")
                        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                        .body("type", equalTo("urn:district:problem:too-many-requests"));
            } else {
                answer.statusCode(401).body("type", equalTo("urn:district:problem:invalid-device-credential"));
            }
        }
        assertThat(refusedAt)
                .as("the network is refused once its 5 misses are spent")
                .isEqualTo(6);
        assertThat(checkInFrom(guesser, madeUp()).extract().statusCode()).isEqualTo(429);
        // A real device unknown to this replica's memory, from that network, waits too; from another it does not.
        Feed.Device other = db.known(Feed.laptop("LINCOLN-HS"));
        String otherCredential = Api.credential(other.id());
        assertThat(checkInFrom(guesser, otherCredential).extract().statusCode()).isEqualTo(429);
        checkInFrom("203.0.113.10", otherCredential).statusCode(200);
        // The laptop already checked goes on from the guesser's network (its second check-in, within its own limit).
        checkInFrom(guesser, credential).statusCode(200);
    }

    /** A credential of the right form for a device that does not exist. */
    private static String madeUp() {
        return "dc1." + UUID.randomUUID() + "." + "A".repeat(43);
    }

    private static ValidatableResponse checkInFrom(String address, String credential) {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .header("X-Forwarded-For", address)
                .header("Authorization", "Device " + credential)
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then();
    }

    private static int enrolFrom(String address) {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .header("X-Forwarded-For", address)
                .body(Map.of("code", "0000-0000-0000-0000"))
                .post("/api/v1/enrolments")
                .then()
                .extract()
                .statusCode();
    }
}
