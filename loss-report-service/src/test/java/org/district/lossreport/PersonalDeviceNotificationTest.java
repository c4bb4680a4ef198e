package org.district.lossreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.district.contracts.Topics;
import org.district.contracts.inventory.PersonKind;
import org.district.contracts.inventory.PersonalDeviceDecision;
import org.district.contracts.inventory.PersonalDeviceStep;
import org.district.lossreport.Inventory.Person;
import org.district.lossreport.MailAndWebhook.Email;
import org.district.lossreport.messaging.SupervisorNotifier;
import org.district.testing.TestDb;
import org.junit.jupiter.api.Test;

/**
 * The personal devices' steps against the real topic, database and SMTP server: each step reaches the right people once
 * (also when it arrives twice), IT's mailbox when the school has no approver to ask, nobody without an address, and
 * every message links to the device's page in the console.
 */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class PersonalDeviceNotificationTest {

    private static final String IT_ALERTS = "it-alerts@district.example";
    private static final String IT_ONCALL = "it-oncall@district.example";
    private static final String CONSOLE = "http://localhost:8084/personal-devices/";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate END_OF_YEAR = LocalDate.of(2026, 6, 30);

    @Inject
    Inventory inventory;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    /** One personal device of an owner, and the steps it goes through. */
    private final class Device {
        final UUID id = UUID.randomUUID();
        final String tag = Inventory.unique("PD");
        final Person owner;

        Device(Person owner) {
            this.owner = owner;
        }

        PersonalDeviceDecision step(
                PersonalDeviceStep step, String reason, LocalDate expiresOn, List<String> approvers) {
            return new PersonalDeviceDecision(
                    UUID.randomUUID(),
                    id,
                    tag,
                    "LAPTOP, Dell XPS 13",
                    owner.school(),
                    owner.id(),
                    owner.districtId(),
                    step,
                    reason,
                    expiresOn,
                    approvers,
                    step == PersonalDeviceStep.EXPIRED ? "system" : owner.districtId(),
                    Instant.now());
        }

        /** Publishes the step as inventory's outbox does; returns the envelope id. */
        UUID publish(PersonalDeviceDecision d) {
            return publish(UUID.randomUUID(), d);
        }

        UUID publish(UUID envelopeId, PersonalDeviceDecision d) {
            return inventory.send(envelopeId, Topics.PERSONAL_DEVICES, id, PersonalDeviceDecision.TYPE, "Device", 1, d);
        }

        String link() {
            return CONSOLE + id;
        }
    }

    @Test
    void aRequestReachesEveryApproverWithAnAddressOnceEvenWhenItArrivesTwice() {
        Person owner = inventory.employee(null);
        Person principal = inventory.employee(null);
        Person deputy = inventory.employee(null);
        Person withoutAddress = withoutEmail("LINCOLN-HS");
        inventory.awaitKnown(owner, principal, deputy, withoutAddress);
        Device laptop = new Device(owner);
        // District ids as a configuration file may spell them; one names nobody on record.
        List<String> approvers = List.of(
                principal.districtId(),
                " " + deputy.districtId().toLowerCase() + " ",
                withoutAddress.districtId(),
                "E-NOBODY-" + Inventory.RUN);
        PersonalDeviceDecision request =
                laptop.step(PersonalDeviceStep.REQUESTED, "Grading and email on the go", null, approvers);

        double duplicatesBefore = duplicates();
        UUID envelope = laptop.publish(request);
        laptop.publish(envelope, request); // the same record again (a producer's retry)
        UUID again = laptop.publish(request); // the same step under a new envelope (published again)

        String subject = "Approval requested: personal device " + laptop.tag;
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsTo(principal.email(), subject)).hasSize(1);
            assertThat(MailAndWebhook.emailsTo(deputy.email(), subject)).hasSize(1);
            assertThat(duplicates()).isGreaterThan(duplicatesBefore);
            assertThat(processed(envelope)).isTrue();
            assertThat(processed(again)).isTrue();
        });
        Email toPrincipal = MailAndWebhook.emailsTo(principal.email(), subject).get(0);
        assertThat(toPrincipal.subject()).isEqualTo(subject + " (Pat Example (" + owner.districtId() + "))");
        assertThat(toPrincipal.body())
                .contains("Pat Example (" + owner.districtId() + ") asks to use a personal device for district work")
                .contains("Device: " + laptop.tag + ", LAPTOP, Dell XPS 13")
                .contains("School: LINCOLN-HS")
                .contains("Purpose: Grading and email on the go")
                .contains("Decide: " + laptop.link())
                .doesNotContain("no approver on record")
                .doesNotContain(owner.email())
                .doesNotContain(deputy.districtId())
                .doesNotContain(withoutAddress.districtId());

        // Nothing more arrives: not to IT, not a second copy, and nobody else is written to.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsAbout(laptop.tag)).hasSize(2);
        });
        assertThat(recipientsOf(request.eventId())).containsExactlyInAnyOrder(principal.email(), deputy.email());

        // Asking again is a new step: the approvers are asked again, once.
        PersonalDeviceDecision renewal =
                laptop.step(PersonalDeviceStep.RENEWAL_REQUESTED, "Next school year too", null, approvers);
        laptop.publish(renewal);
        String renewalSubject = "Renewal requested: personal device " + laptop.tag;
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsTo(principal.email(), renewalSubject))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(deputy.email(), renewalSubject)).hasSize(1);
        });
        assertThat(MailAndWebhook.emailsTo(deputy.email(), renewalSubject)
                        .get(0)
                        .body())
                .contains("asks again to use a personal device")
                .contains("Purpose: Next school year too")
                .contains("Decide: " + laptop.link());
    }

    @Test
    void aRequestGoesToItsMailboxWhenTheSchoolHasNoApproverToAsk() {
        String school = "NOAPPROVER-" + Inventory.RUN;
        Person owner = inventory.person(PersonKind.EMPLOYEE, school, null);
        Person withoutAddress = withoutEmail(school);
        inventory.awaitKnown(owner, withoutAddress);

        Device none = new Device(owner);
        laptopStep(none, PersonalDeviceStep.REQUESTED, List.of());
        Device unreachable = new Device(owner);
        laptopStep(unreachable, PersonalDeviceStep.REQUESTED, List.of(withoutAddress.districtId()));

        await().atMost(WAIT).untilAsserted(() -> {
            for (Device d : List.of(none, unreachable)) {
                assertThat(MailAndWebhook.emailsTo(IT_ALERTS, "Approval requested: personal device " + d.tag))
                        .hasSize(1);
                assertThat(MailAndWebhook.emailsTo(IT_ONCALL, "Approval requested: personal device " + d.tag))
                        .hasSize(1);
            }
        });
        assertThat(MailAndWebhook.emailsTo(IT_ALERTS, none.tag).get(0).body())
                .contains(school + " has no approver on record: IT is asked to decide instead")
                .contains("Pat Example (" + owner.districtId() + ") asks to use a personal device")
                .contains("Decide: " + none.link());
        assertThat(MailAndWebhook.emailsTo(IT_ALERTS, unreachable.tag).get(0).body())
                .contains(school + " has no approver on record with an email address")
                .doesNotContain(withoutAddress.districtId())
                .contains("Decide: " + unreachable.link());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsAbout(none.tag)).hasSize(2);
            assertThat(MailAndWebhook.emailsAbout(unreachable.tag)).hasSize(2);
        });
    }

    @Test
    void theOwnerHearsOfTheApprovalTheRefusalAndTheExpiryAndNobodyElseDoes() {
        Person owner = inventory.employee(null);
        Person principal = inventory.employee(null);
        inventory.awaitKnown(owner, principal);
        Device laptop = new Device(owner);
        List<String> approvers = List.of(principal.districtId());

        PersonalDeviceDecision approved = laptop.step(PersonalDeviceStep.APPROVED, null, END_OF_YEAR, approvers);
        UUID envelope = laptop.publish(approved);
        laptop.publish(envelope, approved);
        laptop.publish(approved);
        laptop.publish(laptop.step(PersonalDeviceStep.REFUSED, "No current AUP acknowledgement", null, approvers));
        laptop.publish(laptop.step(PersonalDeviceStep.EXPIRED, null, END_OF_YEAR, approvers));

        String approvedSubject = "Approved: your personal device " + laptop.tag + " until 2026-06-30";
        String refusedSubject = "Not approved: your personal device " + laptop.tag;
        String expiredSubject = "Approval ended: your personal device " + laptop.tag;
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsTo(owner.email(), approvedSubject)).hasSize(1);
            assertThat(MailAndWebhook.emailsTo(owner.email(), refusedSubject)).hasSize(1);
            assertThat(MailAndWebhook.emailsTo(owner.email(), expiredSubject)).hasSize(1);
        });

        assertThat(MailAndWebhook.emailsTo(owner.email(), approvedSubject)
                        .get(0)
                        .body())
                .contains("approved for district work until 2026-06-30")
                .contains("Device: " + laptop.tag + ", LAPTOP, Dell XPS 13")
                .contains("security baseline")
                .contains("IT will enrol it")
                .contains("never wipes a personal device")
                .contains("only if you consented")
                .contains(laptop.link())
                .doesNotContain(principal.districtId());
        assertThat(MailAndWebhook.emailsTo(owner.email(), refusedSubject).get(0).body())
                .contains("Reason: No current AUP acknowledgement")
                .contains("You may ask again")
                .contains("Ask again: " + laptop.link())
                .doesNotContain(principal.districtId());
        assertThat(MailAndWebhook.emailsTo(owner.email(), expiredSubject).get(0).body())
                .contains("ended on 2026-06-30")
                .contains("ask to renew")
                .contains("Renew: " + laptop.link());

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsAbout(laptop.tag)).hasSize(3);
        });
        assertThat(MailAndWebhook.emailsTo(principal.email(), laptop.tag)).isEmpty();
        assertThat(MailAndWebhook.emailsTo(IT_ALERTS, laptop.tag)).isEmpty();
    }

    @Test
    void aRemovalReachesTheOwnerAndTheApproversOrItsMailboxWhenThereAreNone() {
        Person owner = inventory.employee(null);
        Person principal = inventory.employee(null);
        inventory.awaitKnown(owner, principal);
        String reason = "Not compliant for 7 days: disk encryption is off";

        Device withApprover = new Device(owner);
        PersonalDeviceDecision removal =
                withApprover.step(PersonalDeviceStep.ACCESS_REMOVED, reason, null, List.of(principal.districtId()));
        UUID envelope = withApprover.publish(removal);
        withApprover.publish(envelope, removal);
        UUID again = withApprover.publish(removal);
        Device withoutApprover = new Device(owner);
        withoutApprover.publish(withoutApprover.step(PersonalDeviceStep.ACCESS_REMOVED, reason, null, List.of()));

        String toOwner = "Access removed: your personal device ";
        String toApprovers = "Access removed: personal device ";
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsTo(owner.email(), toOwner + withApprover.tag))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(principal.email(), toApprovers + withApprover.tag))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(owner.email(), toOwner + withoutApprover.tag))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(IT_ALERTS, toApprovers + withoutApprover.tag))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(IT_ONCALL, toApprovers + withoutApprover.tag))
                    .hasSize(1);
            assertThat(processed(again)).isTrue();
        });
        assertThat(MailAndWebhook.emailsTo(owner.email(), toOwner + withApprover.tag)
                        .get(0)
                        .body())
                .contains("Reason: " + reason)
                .contains("fix what the reason says, then ask again in the console")
                .contains("Ask again: " + withApprover.link())
                .doesNotContain(principal.districtId());
        assertThat(MailAndWebhook.emailsTo(principal.email(), toApprovers + withApprover.tag)
                        .get(0)
                        .body())
                .contains("Owner: Pat Example (" + owner.districtId() + ")")
                .contains("Reason: " + reason)
                .contains(withApprover.link())
                .doesNotContain("IT is told instead")
                .doesNotContain(owner.email());
        assertThat(MailAndWebhook.emailsTo(IT_ALERTS, toApprovers + withoutApprover.tag)
                        .get(0)
                        .body())
                .contains("LINCOLN-HS has no approver on record: IT is told instead")
                .contains(withoutApprover.link());

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsAbout(withApprover.tag)).hasSize(2);
            assertThat(MailAndWebhook.emailsAbout(withoutApprover.tag)).hasSize(3);
        });
    }

    @Test
    void anOwnerWithoutAnAddressIsNotWrittenToAndTheApproversStillAre() {
        Person owner = withoutEmail("LINCOLN-HS");
        Person principal = inventory.employee(null);
        inventory.awaitKnown(owner, principal);
        Device laptop = new Device(owner);
        List<String> approvers = List.of(principal.districtId());

        UUID approved = laptop.publish(laptop.step(PersonalDeviceStep.APPROVED, null, END_OF_YEAR, approvers));
        PersonalDeviceDecision removal =
                laptop.step(PersonalDeviceStep.ACCESS_REMOVED, "Found in violation of the AUP", null, approvers);
        laptop.publish(removal);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(processed(approved)).isTrue();
            assertThat(MailAndWebhook.emailsTo(principal.email(), "Access removed: personal device " + laptop.tag))
                    .hasSize(1);
        });
        assertThat(db().count(
                                "select count(*) from notification where device_id = ? and event_type = ?",
                                laptop.id,
                                PersonalDeviceDecision.TYPE))
                .isEqualTo(1);
        assertThat(recipientsOf(removal.eventId())).containsExactly(principal.email());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsAbout(laptop.tag)).hasSize(1);
        });
    }

    // ---------------------------------------------------------------- helpers

    private void laptopStep(Device d, PersonalDeviceStep step, List<String> approvers) {
        d.publish(d.step(step, "Lesson planning at home", null, approvers));
    }

    /** A person on record without an email address. */
    private Person withoutEmail(String school) {
        Person p = new Person(UUID.randomUUID(), Inventory.unique("E"), null, PersonKind.EMPLOYEE, school, null);
        inventory.publishPerson(p, 1);
        return p;
    }

    private TestDb db() {
        return TestDb.of(dataSource);
    }

    private List<String> recipientsOf(UUID stepId) {
        return db().column("select recipient from notification where event_id = ?", stepId);
    }

    private boolean processed(UUID envelopeId) {
        return db().count(
                                "select count(*) from processed_event where consumer = ? and event_id = ?",
                                SupervisorNotifier.GROUP,
                                envelopeId)
                > 0;
    }

    private double duplicates() {
        var counter = registry.find("district.consumer.events")
                .tag("group", SupervisorNotifier.GROUP)
                .tag("outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
