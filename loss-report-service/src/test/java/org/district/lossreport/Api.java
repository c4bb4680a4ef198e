package org.district.lossreport;

import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.district.testing.TestApi;

/** Request helpers for the tests: the callers this service's tests use, and report bodies. */
final class Api {

    static final String IT = "IT-" + Inventory.RUN;

    private Api() {}

    static RequestSpecification staff(Inventory.Person p) {
        return TestApi.as(p.districtId(), "STAFF");
    }

    static RequestSpecification supervisor(Inventory.Person p) {
        return TestApi.as(p.districtId(), "SUPERVISOR");
    }

    static RequestSpecification it() {
        return TestApi.as(IT, "IT_ADMIN");
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
