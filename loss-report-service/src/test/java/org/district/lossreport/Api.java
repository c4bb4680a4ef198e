package org.district.lossreport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.district.testing.TestTokens;

/** Request helpers for the tests: callers with roles, and report bodies. */
final class Api {

    static final String IT = "IT-" + Inventory.RUN;

    private Api() {}

    static RequestSpecification as(String subject, String... roles) {
        return given().header("Authorization", "Bearer " + TestTokens.token(subject, roles))
                .contentType(ContentType.JSON);
    }

    static RequestSpecification staff(Inventory.Person p) {
        return as(p.districtId(), "STAFF");
    }

    static RequestSpecification supervisor(Inventory.Person p) {
        return as(p.districtId(), "SUPERVISOR");
    }

    static RequestSpecification it() {
        return as(IT, "IT_ADMIN");
    }

    /** A valid loss report of the device. */
    static Map<String, Object> lost(Inventory.Device d) {
        Map<String, Object> body = new HashMap<>();
        body.put("assetTag", d.assetTag());
        body.put("kind", "LOST");
        body.put("lastSeenAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        body.put("lastSeenLocation", "Library, second floor");
        body.put("circumstances", "Left it on a table during lunch; it was gone 20 minutes later.");
        body.put("contactPhone", "+1 555 0100");
        return body;
    }

    /** A valid theft report of the device, the police told but no case number yet. */
    static Map<String, Object> stolen(Inventory.Device d) {
        Map<String, Object> body = lost(d);
        body.put("kind", "STOLEN");
        body.put("policeNotified", true);
        body.put("policeAgency", "Metro Police");
        return body;
    }
}
