package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Behind the district's ingress every request arrives from the ingress: the limits per network address (enrolment,
 * refused device credentials) must count each device's own address, as the ingress forwards it, or one device sending
 * bad codes or credentials blocks the others. (Here the tests' own address, 127.0.0.1, stands for the ingress.)
 */
@QuarkusTest
@TestProfile(BehindIngressTest.BehindIngress.class)
class BehindIngressTest {

    public static class BehindIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
                    "district.rate-limit.enrolments.burst", "5",
                    "district.rate-limit.enrolments.per-minute", "1",
                    "district.rate-limit.device-credential-failures.burst", "5",
                    "district.rate-limit.device-credential-failures.per-minute", "1");
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
    void aSenderOfMadeUpCredentialsIsRefusedWithoutADatabaseReadAndKeptDevicesAreNot() {
        String guesser = "198.51.100.23";
        String other = "203.0.113.23";
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        // Issuing makes this replica forget any hash it kept: the credential is not kept until it is read once.
        String real = Api.it()
                .post("/api/v1/devices/" + laptop.id() + "/credential")
                .then()
                .statusCode(201)
                .extract()
                .path("credential");
        String madeUpSecret = "A".repeat(real.length() - real.lastIndexOf('.') - 1);

        int refusedAt = 0;
        for (int i = 1; i <= 20 && refusedAt == 0; i++) {
            // A new device id each time, as a script walking made-up ids would send.
            int status = checkInFrom(guesser, "dc1." + UUID.randomUUID() + "." + madeUpSecret);
            if (status == 429) {
                refusedAt = i;
            } else {
                assertThat(status).as("a made-up credential").isEqualTo(401);
            }
        }
        assertThat(refusedAt).as("refused once its 5 are spent").isEqualTo(6);

        // The real credential, not kept yet: from the spent address it is refused before the database is read, which
        // would have admitted it.
        assertThat(checkInFrom(guesser, real))
                .as("not kept, from the spent address")
                .isEqualTo(429);
        assertThat(checkInFrom(other, "dc1." + UUID.randomUUID() + "." + madeUpSecret))
                .as("a made-up credential from another address behind the same ingress")
                .isEqualTo(401);
        assertThat(checkInFrom(other, real)).as("read once, and kept").isEqualTo(200);
        assertThat(checkInFrom(guesser, real))
                .as("a device whose credential is kept is not slowed by its network's refusals")
                .isEqualTo(200);
        assertThat(checkInFrom(guesser, real.substring(0, real.lastIndexOf('.') + 1) + madeUpSecret))
                .as("a wrong secret for a kept device, from the spent address")
                .isEqualTo(429);
    }

    private static int checkInFrom(String address, String credential) {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .header("X-Forwarded-For", address)
                .header("Authorization", "Device " + credential)
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .extract()
                .statusCode();
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
