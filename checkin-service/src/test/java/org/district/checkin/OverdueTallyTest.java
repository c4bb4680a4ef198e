package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.district.checkin.service.DeviceStateService;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.junit.jupiter.api.Test;

/**
 * The number of devices marked overdue (the gauge's and the daily charts') is kept by every statement that marks or
 * unmarks a device, never counted, and made again from the devices once a day.
 */
@QuarkusTest
class OverdueTallyTest {

    @Inject
    Db db;

    @Inject
    DeviceStateService states;

    /** The kept number less the devices marked, read in one snapshot: zero when the number is right. */
    private long drift() {
        return db.count("select (select sum(marked) from overdue_tally)"
                + " - (select count(*) from device where overdue_since is not null)");
    }

    private boolean marked(UUID device) {
        return db.count("select count(*) from device where id = ? and overdue_since is not null", device) == 1;
    }

    @Test
    void theNumberFollowsEveryMarkAndEveryEnd() throws Exception {
        states.updateOverdue();
        long before = states.overdueMarked();
        assertThat(drift()).isZero();

        // A laptop (21 days of grace) and a desktop (5) registered long enough ago and never seen: both overdue.
        Feed.Device laptop = db.known(Feed.laptop(Feed.unique("TALLY")).registeredAt(daysAgo(30)));
        Feed.Device desktop =
                db.known(Feed.device(DeviceType.DESKTOP, Feed.unique("TALLY")).registeredAt(daysAgo(10)));
        states.updateOverdue();
        assertThat(marked(laptop.id()) && marked(desktop.id())).isTrue();
        assertThat(states.overdueMarked()).isEqualTo(before + 2);
        assertThat(drift()).isZero();

        // The laptop's check-in ends its overdue state.
        Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
        assertThat(marked(laptop.id())).isFalse();
        assertThat(states.overdueMarked()).isEqualTo(before + 1);

        // The desktop retired leaves the overdue list with the read model's update.
        db.known(desktop.withStatus(DeviceStatus.RETIRED));
        assertThat(marked(desktop.id())).isFalse();
        assertThat(states.overdueMarked()).isEqualTo(before);
        assertThat(drift()).isZero();
    }

    @Test
    void aDeviceThatLeftTheListUnnoticedIsUnmarkedByTheSweepAlone() throws Exception {
        Feed.Device desktop =
                db.known(Feed.device(DeviceType.DESKTOP, Feed.unique("TALLY")).registeredAt(daysAgo(10)));
        states.updateOverdue(false);
        assertThat(marked(desktop.id())).isTrue();
        long before = states.overdueMarked();

        // Out of service without the read model's update (as a row it found locked would be).
        db.execute("update device set status = 'RETIRED' where id = ?", desktop.id());
        states.updateOverdue(false);
        assertThat(marked(desktop.id())).as("a round that only marks").isTrue();

        states.updateOverdue(true);
        assertThat(marked(desktop.id())).as("a round that also sweeps").isFalse();
        assertThat(states.overdueMarked()).isEqualTo(before - 1);
        assertThat(drift()).isZero();
    }

    @Test
    void aNumberThatWentWrongIsMadeRightOnceADay() throws Exception {
        states.recountOverdue(Duration.ZERO);
        // A change that bypassed the statements that keep the number (an older replica, a hand edit).
        db.execute("update overdue_tally set marked = marked + 5 where slot = 3");
        assertThat(drift()).isEqualTo(5);

        assertThat(states.recountOverdue(Duration.ofDays(1)))
                .as("counted a moment ago: not again before a day has passed")
                .isFalse();
        assertThat(drift()).isEqualTo(5);

        assertThat(states.recountOverdue(Duration.ZERO)).isTrue();
        assertThat(drift()).isZero();
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    }
}
