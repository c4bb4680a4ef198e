package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.checkin.service.PersonalDeviceAccess;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.checkin.PersonalDeviceAccessRemoved;
import org.district.contracts.checkin.PersonalDeviceAccessRemoved.Reason;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.PersonalAccessStatus;
import org.district.contracts.lossreport.LossKind;
import org.district.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * Personal devices under the district's policy (docs/personal-devices.md), against the real database and broker: a
 * credential, an enrolment code, a LOCK or a LOCATE only as the approval and the owner's consent allow; the access
 * removed (credential revoked, PersonalDeviceAccessRemoved raised once) when inventory ends the approval or the device
 * stays non-compliant past the grace period.
 */
@QuarkusTest
class PersonalDeviceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Db db;

    @Inject
    PersonalDeviceAccess access;

    @Test
    void aPersonalDeviceGetsACredentialOrAnEnrolmentCodeOnlyWhileApproved() {
        Feed.Person owner = db.known(Feed.person("LINCOLN-HS"));
        Feed.Device phone = db.known(Feed.laptop("LINCOLN-HS").personal().assignedTo(owner, Instant.now()));

        // No standing on record (a snapshot from before the policy), then asked for: refused, and why.
        refusedAsNotApproved(issue(phone.id()), "no approval of it is on record");
        refusedAsNotApproved(code(phone.id()), "no approval of it is on record");
        phone = db.known(phone.withAccess(PersonalAccessStatus.PENDING, true));
        refusedAsNotApproved(issue(phone.id()), "waiting for the principal's decision");
        refusedAsNotApproved(code(phone.id()), "waiting for the principal's decision");
        phone = db.known(phone.withAccess(PersonalAccessStatus.REFUSED, true));
        refusedAsNotApproved(issue(phone.id()), "was refused");
        assertThat(db.count("select count(*) from device where id = ? and credential_sha256 is not null", phone.id()))
                .isZero();
        assertThat(db.count("select count(*) from enrolment_code where device_id = ?", phone.id()))
                .isZero();

        // Approved: IT issues a credential, or a code the device exchanges for one.
        phone = db.known(phone.approved(false));
        String credential = issue(phone.id()).statusCode(201).extract().path("credential");
        Api.checkInWith(credential, Api.checkIn()).statusCode(200);
        String enrolmentCode = code(phone.id()).statusCode(201).extract().path("code");
        enrol(enrolmentCode).statusCode(201);

        // A code created while approved is worth nothing once the approval ended.
        String unused = code(phone.id()).statusCode(201).extract().path("code");
        phone = db.known(phone.withAccess(PersonalAccessStatus.EXPIRED, false));
        refusedAsNotApproved(enrol(unused), "expired");
        refusedAsNotApproved(issue(phone.id()), "expired");
        // Still unused: the refusal changed nothing.
        assertThat(db.count("select count(*) from enrolment_code where device_id = ? and used_at is null", phone.id()))
                .isEqualTo(1);
    }

    @Test
    void lockAndLocateNeedTheApprovalAndTheOwnersConsentAndAPersonalDeviceIsNeverWiped() {
        Feed.Person owner = db.known(Feed.person("LINCOLN-HS"));
        Feed.Device pending = db.known(Feed.laptop("LINCOLN-HS")
                .personal()
                .assignedTo(owner, Instant.now())
                .withAccess(PersonalAccessStatus.PENDING, true));
        command(pending, "LOCK")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:district:problem:personal-device-not-approved"))
                .body("errors[0].field", equalTo("type"));

        Feed.Device withoutConsent = db.known(Feed.laptop("LINCOLN-HS")
                .personal()
                .assignedTo(owner, Instant.now())
                .approved(false));
        for (String type : List.of("LOCK", "LOCATE")) {
            command(withoutConsent, type)
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:district:problem:no-lock-and-locate-consent"))
                    .body("errors[0].field", equalTo("type"))
                    .body("detail", containsString("did not"));
        }
        command(withoutConsent, "WIPE")
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:wipe-not-allowed"))
                .body("errors[0].field", equalTo("type"));
        assertThat(db.count(
                        "select count(*) from device_command where device_id in (?, ?)",
                        pending.id(),
                        withoutConsent.id()))
                .isZero();

        Feed.Device consenting = db.known(Feed.laptop("LINCOLN-HS")
                .personal()
                .assignedTo(owner, Instant.now())
                .approved(true));
        command(consenting, "LOCK").statusCode(201).body("type", equalTo("LOCK"));
        command(consenting, "LOCATE").statusCode(201).body("type", equalTo("LOCATE"));
        command(consenting, "WIPE")
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:wipe-not-allowed"))
                .body("errors[0].field", equalTo("type"));
        assertThat(db.count("select count(*) from device_command where device_id = ?", consenting.id()))
                .isEqualTo(2);
    }

    @Test
    void aLossReportQueuesLockAndLocateForAPersonalDeviceOnlyWithTheOwnersConsent() {
        Feed.Person owner = db.known(Feed.person("LINCOLN-HS"));
        Feed.Device withoutConsent = approvedPersonal(owner, false);
        Feed.Device consenting = approvedPersonal(owner, true);

        UUID refused = Feed.lossReported(withoutConsent, LossKind.STOLEN);
        UUID queued = Feed.lossReported(consenting, LossKind.LOST);
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(refused) && processed(queued));

        assertThat(db.count("select count(*) from device_command where device_id = ?", withoutConsent.id()))
                .isZero();
        assertThat(db.text(
                        "select string_agg(type, ',' order by type) from device_command where device_id = ?"
                                + " and status = 'PENDING'",
                        consenting.id()))
                .isEqualTo("LOCATE,LOCK");

        // The approval ended: the district may no longer lock or locate the device, and its commands are withdrawn.
        db.known(consenting.withAccess(PersonalAccessStatus.EXPIRED, true));
        assertThat(db.text(
                        "select string_agg(distinct status || ':' || cancelled_by, ',') from device_command"
                                + " where device_id = ?",
                        consenting.id()))
                .isEqualTo("CANCELLED:system:personal-device-policy");
    }

    @Test
    void aLostPersonalDevicesLocationIsKeptOnlyWithItsOwnersConsent() {
        Feed.Person owner = db.known(Feed.person("LINCOLN-HS"));
        Feed.Device withoutConsent = approvedPersonal(owner, false);
        Feed.Device consenting = approvedPersonal(owner, true);
        for (Feed.Device d : List.of(withoutConsent, consenting)) {
            Api.credential(d.id());
            db.known(d.withStatus(DeviceStatus.LOST));
            // Whatever the agent sends (a changed one may send a position it was never asked for).
            Api.device(d.id())
                    .body(Api.withLocation(Api.checkIn()))
                    .post("/api/v1/checkins")
                    .then()
                    .statusCode(200);
        }
        assertThat(db.count("select count(*) from device_location where device_id = ?", withoutConsent.id()))
                .as("the owner did not consent to the district locating it")
                .isZero();
        assertThat(db.count("select count(*) from device_location where device_id = ?", consenting.id()))
                .isEqualTo(1);
        // Nor does IT's alert give the address the check-in came from, which places the device as well.
        String sql = "select payload::text from outbox_event where record_key = ? and event_type = ?";
        assertThat(db.text(sql, withoutConsent.id().toString(), LostDeviceSeen.TYPE))
                .doesNotContain("127.0.0.1")
                .doesNotContain("0:0:0:0:0:0:0:1");
        assertThat(db.text(sql, consenting.id().toString(), LostDeviceSeen.TYPE))
                .containsAnyOf("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void inventoryRemovingAnApprovedDeviceRevokesItsCredentialAndRaisesPolicyViolationOnce() {
        Feed.Person owner = db.known(Feed.person("LINCOLN-HS"));
        Feed.Device laptop = db.known(Feed.laptop(Feed.unique("PD"))
                .personal()
                .assignedTo(owner, Instant.now())
                .approved(true));
        String credential = issue(laptop.id()).statusCode(201).extract().path("credential");
        Api.checkInWith(credential, Api.checkIn()).statusCode(200);

        try (KafkaProbe topic = KafkaProbe.fromNow(Feed.BOOTSTRAP, Topics.PERSONAL_DEVICE_ACCESS)) {
            Feed.Device removed = db.known(laptop.withAccess(PersonalAccessStatus.REMOVED, true));

            PersonalDeviceAccessRemoved event = awaitRemoval(topic, laptop.id());
            assertThat(event.eventId()).isNotNull();
            assertThat(event.deviceId()).isEqualTo(laptop.id());
            assertThat(event.serialNumber()).isEqualTo("SN-" + laptop.assetTag());
            assertThat(event.ownerDistrictId()).isEqualTo(owner.districtId());
            assertThat(event.school()).isEqualTo(laptop.school());
            assertThat(event.reason()).isEqualTo(Reason.POLICY_VIOLATION);
            assertThat(event.complianceIssues()).isEmpty();
            assertThat(event.removedAt()).isAfter(Instant.now().minus(5, ChronoUnit.MINUTES));

            // The old credential no longer checks in, and no new one is issued.
            Api.checkInWith(credential, Api.checkIn())
                    .statusCode(401)
                    .body("type", equalTo("urn:district:problem:invalid-device-credential"));
            Api.auditor()
                    .get("/api/v1/devices/" + laptop.id() + "/credential")
                    .then()
                    .statusCode(200)
                    .body("issued", equalTo(false));
            refusedAsNotApproved(issue(laptop.id()), "removed");

            // Later snapshots of the removed device (any change in inventory) raise nothing more.
            db.known(removed.withAccess(PersonalAccessStatus.REMOVED, true));
            assertThat(topic.readFor(r -> isRemovalOf(r, laptop.id()), Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        assertThat(removals(laptop.id())).isEqualTo(1);
    }

    @Test
    void anApprovalThatExpiredRaisesApprovalExpiredAndRevokesTheCredential() {
        Feed.Person owner = db.known(Feed.person("LINCOLN-HS"));
        Feed.Device tablet = db.known(Feed.device(org.district.contracts.inventory.DeviceType.TABLET, "LINCOLN-HS")
                .personal()
                .assignedTo(owner, Instant.now())
                .approved(false));
        String credential = issue(tablet.id()).statusCode(201).extract().path("credential");
        // A device never approved that is refused, or removed, raises nothing: it never had access.
        Feed.Device neverApproved = db.known(Feed.laptop("LINCOLN-HS")
                .personal()
                .assignedTo(owner, Instant.now())
                .withAccess(PersonalAccessStatus.PENDING, false));

        try (KafkaProbe topic = KafkaProbe.fromNow(Feed.BOOTSTRAP, Topics.PERSONAL_DEVICE_ACCESS)) {
            db.known(neverApproved.withAccess(PersonalAccessStatus.REMOVED, false));
            db.known(tablet.withAccess(PersonalAccessStatus.EXPIRED, false));

            PersonalDeviceAccessRemoved event = awaitRemoval(topic, tablet.id());
            assertThat(event.reason()).isEqualTo(Reason.APPROVAL_EXPIRED);
            assertThat(event.ownerDistrictId()).isEqualTo(owner.districtId());
            Api.checkInWith(credential, Api.checkIn()).statusCode(401);
            assertThat(topic.readFor(r -> isRemovalOf(r, neverApproved.id()), Duration.ofSeconds(1)))
                    .isEmpty();
        }
        assertThat(removals(tablet.id())).isEqualTo(1);
        assertThat(removals(neverApproved.id())).isZero();
    }

    @Test
    void aPersonalDeviceNonCompliantPastTheGracePeriodLosesItsAccessOnceWhateverTheReplicas() throws Exception {
        Feed.Person owner = db.known(Feed.person("LINCOLN-HS"));
        Feed.Device laptop = db.known(Feed.laptop(Feed.unique("PD"))
                .personal()
                .assignedTo(owner, Instant.now())
                .approved(true));
        String credential = issue(laptop.id()).statusCode(201).extract().path("credential");
        // A district laptop non-compliant just as long keeps its credential: the grace period is the policy's on
        // personal devices.
        Feed.Device district = db.known(Feed.laptop(laptop.school()));
        String districtCredential =
                issue(district.id()).statusCode(201).extract().path("credential");

        Map<String, Object> unencrypted = Api.checkIn();
        unencrypted.put("diskEncryption", false);
        Api.checkInWith(credential, unencrypted).statusCode(200).body("compliant", equalTo(false));
        Api.checkInWith(districtCredential, unencrypted).statusCode(200);
        String since = db.text("select noncompliant_since::text from device where id = ?", laptop.id());
        assertThat(since).isNotNull();
        // A further non-compliant check-in does not move the clock.
        Api.checkInWith(credential, unencrypted).statusCode(200);
        assertThat(db.text("select noncompliant_since::text from device where id = ?", laptop.id()))
                .isEqualTo(since);

        // Eight days on (approved long before): past the grace period of seven.
        age(laptop.id(), 8, 30);
        age(district.id(), 8, 30);
        try (KafkaProbe topic = KafkaProbe.fromNow(Feed.BOOTSTRAP, Topics.PERSONAL_DEVICE_ACCESS)) {
            // Two replicas' jobs at once, then one more round: one removal.
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(access::removeViolations);
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(access::removeViolations);
            int removed = one.get(60, TimeUnit.SECONDS) + two.get(60, TimeUnit.SECONDS) + access.removeViolations();
            assertThat(removed).isGreaterThanOrEqualTo(1);

            PersonalDeviceAccessRemoved event = awaitRemoval(topic, laptop.id());
            assertThat(event.reason()).isEqualTo(Reason.NON_COMPLIANT);
            assertThat(event.complianceIssues()).containsExactly("DISK_ENCRYPTION_OFF");
            assertThat(event.ownerDistrictId()).isEqualTo(owner.districtId());
            assertThat(event.serialNumber()).isEqualTo("SN-" + laptop.assetTag());
            assertThat(event.school()).isEqualTo(laptop.school());

            Api.checkInWith(credential, Api.checkIn())
                    .statusCode(401)
                    .body("type", equalTo("urn:district:problem:invalid-device-credential"));
            Api.checkInWith(districtCredential, Api.checkIn()).statusCode(200);
            // Until inventory records the removal the device still reads APPROVED here; it gets no new credential.
            refusedAsNotApproved(issue(laptop.id()), "non-compliant");

            // Inventory records it (consuming the event): its REMOVED snapshot raises nothing more.
            Feed.Device inventoryRemoved = db.known(laptop.withAccess(PersonalAccessStatus.REMOVED, true));
            access.removeViolations();
            assertThat(topic.readFor(r -> isRemovalOf(r, laptop.id()), Duration.ofSeconds(2)))
                    .hasSize(1);
            assertThat(removals(laptop.id())).isEqualTo(1);

            // Approved again: the removal no longer holds; a credential may be issued and the grace period restarts.
            db.known(inventoryRemoved.approved(true));
            String again = issue(laptop.id()).statusCode(201).extract().path("credential");
            access.removeViolations();
            Api.checkInWith(again, unencrypted).statusCode(200);
            assertThat(removals(laptop.id())).isEqualTo(1);
        }
    }

    @Test
    void lessThanTheGracePeriodKeepsTheAccessAndACompliantCheckInRestartsTheClock() {
        Feed.Person owner = db.known(Feed.person("LINCOLN-HS"));
        Feed.Device laptop = db.known(Feed.laptop(Feed.unique("PD"))
                .personal()
                .assignedTo(owner, Instant.now())
                .approved(false));
        String credential = issue(laptop.id()).statusCode(201).extract().path("credential");
        Map<String, Object> unencrypted = Api.checkIn();
        unencrypted.put("diskEncryption", false);

        // Six days non-compliant: within the grace period.
        Api.checkInWith(credential, unencrypted).statusCode(200);
        age(laptop.id(), 6, 30);
        access.removeViolations();
        Api.checkInWith(credential, unencrypted).statusCode(200);

        // A compliant check-in ends it; non-compliant again, the clock starts again (six more days: still within).
        Api.checkInWith(credential, Api.checkIn()).statusCode(200).body("compliant", equalTo(true));
        assertThat(db.count("select count(*) from device where id = ? and noncompliant_since is null", laptop.id()))
                .isEqualTo(1);
        Api.checkInWith(credential, unencrypted).statusCode(200);
        assertThat(db.count(
                        "select count(*) from device where id = ? and noncompliant_since > now() - interval '1 hour'",
                        laptop.id()))
                .isEqualTo(1);
        age(laptop.id(), 6, 0);
        access.removeViolations();
        Api.checkInWith(credential, unencrypted).statusCode(200);

        // Non-compliant for ten days but approved only two days ago: the approval gives the full grace period.
        age(laptop.id(), 4, 0);
        db.execute("update device set personal_approved_at = now() - interval '2 days' where id = ?", laptop.id());
        access.removeViolations();
        Api.checkInWith(credential, unencrypted).statusCode(200);
        assertThat(removals(laptop.id())).isZero();
    }

    /** Moves the device's non-compliance {@code days} back, and its approval {@code approvedDays} further. */
    /** A personal laptop of the owner, approved, with or without the owner's consent to locking and locating it. */
    private Feed.Device approvedPersonal(Feed.Person owner, boolean lockAndLocateConsent) {
        return db.known(Feed.laptop("LINCOLN-HS")
                .personal()
                .assignedTo(owner, Instant.now())
                .approved(lockAndLocateConsent));
    }

    private void age(UUID device, int days, int approvedDays) {
        db.execute(
                "update device set noncompliant_since = noncompliant_since - make_interval(days => ?),"
                        + " personal_approved_at = personal_approved_at - make_interval(days => ?) where id = ?",
                days,
                approvedDays,
                device);
    }

    private boolean processed(UUID eventId) {
        return db.count("select count(*) from processed_event where event_id = ?", eventId) > 0;
    }

    private long removals(UUID device) {
        return db.count(
                "select count(*) from outbox_event where record_key = ? and event_type = ?",
                device.toString(),
                PersonalDeviceAccessRemoved.TYPE);
    }

    private static PersonalDeviceAccessRemoved awaitRemoval(KafkaProbe topic, UUID device) {
        ConsumerRecord<String, String> record = topic.awaitRecord(r -> isRemovalOf(r, device), WAIT);
        return Feed.read(record.value(), PersonalDeviceAccessRemoved.class);
    }

    private static boolean isRemovalOf(ConsumerRecord<String, String> record, UUID device) {
        return device.toString().equals(record.key())
                && PersonalDeviceAccessRemoved.TYPE.equals(KafkaProbe.header(record, EventHeaders.EVENT_TYPE));
    }

    private static void refusedAsNotApproved(ValidatableResponse response, String why) {
        response.statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:district:problem:personal-device-not-approved"))
                .body("detail", containsString(why));
    }

    private static ValidatableResponse issue(UUID device) {
        return Api.it().post("/api/v1/devices/" + device + "/credential").then();
    }

    private static ValidatableResponse code(UUID device) {
        return Api.it().post("/api/v1/devices/" + device + "/enrolment-code").then();
    }

    private static ValidatableResponse enrol(String code) {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/v1/enrolments")
                .then();
    }

    private static ValidatableResponse command(Feed.Device device, String type) {
        Map<String, Object> body =
                "WIPE".equals(type) ? Map.of("type", type, "confirmAssetTag", device.assetTag()) : Map.of("type", type);
        return Api.it()
                .body(body)
                .post("/api/v1/devices/" + device.id() + "/commands")
                .then();
    }
}
