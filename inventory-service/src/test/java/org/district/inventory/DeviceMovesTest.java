package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.district.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * The moves a device page offers as buttons: exactly what the lifecycle allows now, each by the operation that makes
 * it, so that no offered button is refused and no allowed move is missing.
 */
@QuarkusTest
class DeviceMovesTest {

    @Test
    void aDeviceInStockIsAssignedByAssignmentAndMovedOtherwiseByStatus() {
        String laptop = Api.registerLaptop(false);

        assertThat(moves(laptop))
                .containsExactlyInAnyOrder(
                        "ASSIGN ASSIGNED",
                        "CHANGE_STATUS IN_REPAIR",
                        "CHANGE_STATUS RETIRED",
                        "CHANGE_STATUS LOST",
                        "CHANGE_STATUS STOLEN",
                        "CHANGE_STATUS QUARANTINED");
    }

    @Test
    void aSensitiveDeviceComesBackOnlyIntoQuarantineAndLeavesItOnlyBySanitization() {
        String laptop = Api.registerLaptop(true);
        Api.assign(laptop, Api.employee());

        assertThat(moves(laptop))
                .containsExactlyInAnyOrder("RETURN QUARANTINED", "CHANGE_STATUS LOST", "CHANGE_STATUS STOLEN");

        Api.it()
                .body(Map.of())
                .post("/api/v1/devices/" + laptop + "/return")
                .then()
                .statusCode(200);
        assertThat(Api.statusOf(laptop)).isEqualTo("QUARANTINED");
        assertThat(moves(laptop))
                .containsExactlyInAnyOrder("SANITIZE IN_STOCK", "CHANGE_STATUS IN_REPAIR", "CHANGE_STATUS RETIRED");

        // Repair is not sanitization: from a repair that began in quarantine, stock is not offered (and is refused).
        Api.status(laptop, "IN_REPAIR").then().statusCode(200);
        assertThat(moves(laptop)).containsExactlyInAnyOrder("CHANGE_STATUS QUARANTINED", "CHANGE_STATUS RETIRED");
        Api.status(laptop, "IN_STOCK").then().statusCode(409);
    }

    @Test
    void aRetiredDeviceHasNoMovesAndOnlyItAndAuditorsMayAsk() {
        String laptop = Api.registerLaptop(false);
        Api.status(laptop, "RETIRED").then().statusCode(200);

        assertThat(moves(laptop)).isEmpty();
        Api.auditor().get("/api/v1/devices/" + laptop + "/moves").then().statusCode(200);
        // a read takes no body, so a stray Content-Type header does not matter
        Api.auditor()
                .contentType("text/plain")
                .get("/api/v1/devices/" + laptop + "/moves")
                .then()
                .statusCode(200);
        TestApi.as(Api.unique("E"), "STAFF")
                .get("/api/v1/devices/" + laptop + "/moves")
                .then()
                .statusCode(403);
        Api.it().get("/api/v1/devices/not-an-id/moves").then().statusCode(404);
    }

    private static List<String> moves(String deviceId) {
        List<Map<String, String>> moves = Api.it()
                .get("/api/v1/devices/" + deviceId + "/moves")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        return moves.stream()
                .map(m -> m.get("operation") + " " + m.get("status"))
                .toList();
    }
}
