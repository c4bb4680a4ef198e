package org.district.checkin.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.district.checkin.Db;
import org.junit.jupiter.api.Test;

/**
 * Batches written out of order (by concurrent writers or replicas): a check-in committed after a newer one of the same
 * device goes into the history but never replaces the newer latest state.
 */
@QuarkusTest
class CheckInServiceTest {

    /** The device's enrolment secret; the writer checks every check-in's against the stored hash. */
    private static final String SECRET = "order-test-secret-0123456789abcdef";

    @Inject
    CheckInService checkIns;

    @Inject
    Db db;

    @Test
    void anOlderCheckInWrittenLaterNeverReplacesTheNewerLatestState() {
        UUID device = UUID.randomUUID();
        db.execute(
                "insert into device (id, version, asset_tag, type, school, ownership, status, sensitive_data,"
                        + " registered_at, updated_at, due_on, credential_sha256, credential_issued_at,"
                        + " credential_issued_by) values (?, 1, ?, 'LAPTOP', 'LINCOLN-HS', 'DISTRICT', 'IN_STOCK',"
                        + " false, now(), now(), current_date + 14, sha256(convert_to(?, 'UTF8')), now(), 'TEST')",
                device,
                "ORDER-" + device.toString().substring(0, 8),
                SECRET);
        Instant newer = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant older = newer.minusSeconds(30);

        write(device, "NEWER-SITE", newer);
        write(device, "OLDER-SITE", older);

        assertThat(db.text("select site from device where id = ?", device)).isEqualTo("NEWER-SITE");
        assertThat(db.count(
                        "select count(*) from device where last_seen_at = ? and id = ?",
                        java.sql.Timestamp.from(newer),
                        device))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from checkin_history where device_id = ?", device))
                .isEqualTo(2);
    }

    private void write(UUID device, String site, Instant receivedAt) {
        CheckInRequest body = new CheckInRequest(
                null,
                new CheckInRequest.Os("Windows 11 Pro", "10.0.22631", null),
                LocalDate.now(),
                null,
                true,
                true,
                new CheckInRequest.Network(site, "10.0.0.7"),
                null,
                null,
                null);
        List<CheckInService.Outcome> outcomes = QuarkusTransaction.requiringNew()
                .call(() -> checkIns.write(List.of(new PendingCheckIn(
                        device, secretSha256(), body, receivedAt, new CompletableFuture<>(), "192.0.2.10"))));
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.refusal())
                .isNull());
    }

    private static byte[] secretSha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
