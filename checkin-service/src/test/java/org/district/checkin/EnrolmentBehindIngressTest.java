package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind the district's ingress every request arrives from the ingress: enrolment's limit per network address must
 * count each device's own address, as the ingress forwards it, or one device sending bad codes blocks enrolment for
 * all. (Here the tests' own address, 127.0.0.1, stands for the ingress.)
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
                    "district.rate-limit.enrolments.per-minute", "1");
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
