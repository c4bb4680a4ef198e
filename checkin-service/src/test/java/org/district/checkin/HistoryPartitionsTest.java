package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.district.checkin.repository.CheckInHistoryRepository;
import org.district.checkin.service.HistoryPartitions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistoryPartitionsTest {

    @Inject
    Db db;

    @Inject
    HistoryPartitions partitions;

    private long partition(LocalDate day) {
        return db.count(
                "select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                        + " where i.inhparent = 'checkin_history'::regclass and c.relname = ?",
                "checkin_history_p" + day.toString().replace("-", ""));
    }

    @Test
    void createsDailyPartitionsAheadAndDropsThoseBeyondRetention() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(partition(today)).isEqualTo(1);
        assertThat(partition(today.plusDays(7))).isEqualTo(1);

        // A day older than the retention (90 days): its partition goes, and so do its rows in the default partition.
        LocalDate old = today.minusDays(200);
        String name = "checkin_history_p" + old.toString().replace("-", "");
        db.execute("create table if not exists " + name + " partition of checkin_history for values from ('" + old
                + " 00:00:00+00') to ('" + old.plusDays(1) + " 00:00:00+00')");
        db.execute(
                "insert into checkin_history (device_id, received_at, disk_encrypted, screen_lock, compliant)"
                        + " values (?, ?::timestamptz, true, true, true)",
                UUID.randomUUID(),
                old + "T12:00:00Z");
        LocalDate older = today.minusDays(300);
        db.execute(
                "insert into checkin_history (device_id, received_at, disk_encrypted, screen_lock, compliant)"
                        + " values (?, ?::timestamptz, true, true, true)",
                UUID.randomUUID(),
                older + "T12:00:00Z");
        assertThat(db.count(
                        "select count(*) from checkin_history_default where received_at < ?::timestamptz",
                        today.minusDays(90) + "T00:00:00Z"))
                .isGreaterThanOrEqualTo(1);

        CheckInHistoryRepository.Round round = partitions.maintain();

        assertThat(round.ran()).isTrue();
        assertThat(round.dropped()).contains(name);
        assertThat(partition(old)).isZero();
        assertThat(db.count(
                        "select count(*) from checkin_history where received_at < ?::timestamptz",
                        today.minusDays(90) + "T00:00:00Z"))
                .isZero();
    }
}
