package org.district.lossreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.checkin.ReturnReason;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.checkin.ReturnTaskReminder;
import org.district.contracts.inventory.PersonKind;
import org.district.lossreport.Inventory.Device;
import org.district.lossreport.Inventory.Person;
import org.district.lossreport.MailAndWebhook.Email;
import org.district.lossreport.messaging.ItNotifier;
import org.district.lossreport.messaging.SupervisorNotifier;
import org.district.support.messaging.EventConsumers;
import org.district.testing.KafkaProbe;
import org.district.testing.TestApi;
import org.district.testing.TestDb;
import org.district.testing.TestKafka;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The notifiers against a real broker, a real SMTP server and a real webhook endpoint: one message per recipient per
 * event (also after a consumer stops and Kafka delivers again), routing to supervisors and school contacts, retries,
 * dead letters, and independence of recipients.
 */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class NotificationTest {

    private static final String REPORTS = "/api/v1/loss-reports";
    private static final String IT_ALERTS = "it-alerts@district.example";
    private static final String IT_ONCALL = "it-oncall@district.example";
    private static final String LINCOLN_OFFICE = "lincoln-office@district.example";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Inventory inventory;

    @Inject
    EventConsumers consumers;

    @Inject
    ItNotifier itNotifier;

    @Inject
    SupervisorNotifier supervisorNotifier;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void bothNotifiersSendExactlyOneMessageToEachRecipientOfAReport() throws Exception {
        Person boss = inventory.employee(null);
        Person pat = inventory.employee(boss);
        Device laptop = inventory.laptop(pat, true);
        inventory.awaitKnown(boss, pat);
        inventory.awaitKnown(laptop);

        var created = Api.staff(pat)
                .body(Api.stolen(laptop))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract();
        String id = created.path("id");
        String number = created.path("reportNumber");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsTo(IT_ALERTS, number)).hasSize(1);
            assertThat(MailAndWebhook.emailsTo(IT_ONCALL, number)).hasSize(1);
            assertThat(MailAndWebhook.emailsTo(boss.email(), number)).hasSize(1);
            assertThat(MailAndWebhook.emailsTo(pat.email(), number)).hasSize(1);
            assertThat(MailAndWebhook.webhookRequestsContaining(number)).hasSize(1);
        });

        Email toIt = MailAndWebhook.emailsTo(IT_ALERTS, number).get(0);
        assertThat(toIt.subject()).contains("STOLEN").contains(laptop.assetTag());
        assertThat(toIt.body())
                .contains("reported stolen")
                .contains(laptop.assetTag())
                .contains("Dell Latitude 5440")
                .contains("Library, second floor")
                .contains(pat.districtId())
                .contains("Metro Police")
                .contains("case number still owed")
                .contains("What happened: Left it on a table")
                .contains("+1 555 0100")
                .contains("Sensitive data")
                .contains("told supervisor")
                .contains("http://localhost:8084/loss-reports/" + id);
        Email toBoss = MailAndWebhook.emailsTo(boss.email(), number).get(0);
        assertThat(toBoss.body())
                .contains("A device held by Pat Example (" + pat.districtId() + ") was reported stolen")
                .contains("Library, second floor")
                .contains("http://localhost:8084/loss-reports/" + id)
                .doesNotContain("555 0100")
                .as("not the reporter's own account, nor the police case: the report's page has them")
                .doesNotContain("Left it on a table")
                .doesNotContain("What happened")
                .doesNotContain("Metro Police");
        Email reminder = MailAndWebhook.emailsTo(pat.email(), number).get(0);
        assertThat(reminder.subject()).contains("police case number");
        // IT's chat channel gets the subject line and the link: not the reporter's phone nor their own words.
        String chat = mapper.readTree(
                        MailAndWebhook.webhookRequestsContaining(number).get(0).body())
                .path("text")
                .asText();
        assertThat(chat)
                .contains(number)
                .contains(laptop.assetTag())
                .contains("Open the report: http://localhost:8084/loss-reports/" + id)
                .doesNotContain("555 0100")
                .doesNotContain("Library, second floor");

        // Deterministic Message-IDs: one per (event, recipient), the same on every attempt.
        String eventId = eventIdOf(id, "LossReported");
        assertThat(toIt.messageId()).startsWith("<" + eventId + ".").endsWith("@lossreport.district.example>");
        assertThat(toBoss.messageId()).startsWith("<" + eventId + ".").isNotEqualTo(toIt.messageId());

        // Marked SENT right after the servers accepted them: moments after the emails arrived.
        await().atMost(WAIT).untilAsserted(() -> Api.it()
                .queryParam("reportId", id)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(5))
                .body("items.status", everyItem(equalTo("SENT")))
                .body("items.attempts", everyItem(equalTo(1))));
        TestApi.as("AUD-2", "AUDITOR")
                .queryParam("reportId", id)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200);
        Api.staff(pat).get("/api/v1/notifications").then().statusCode(403);
        Api.it()
                .queryParam("status", "DELIVERED")
                .get("/api/v1/notifications")
                .then()
                .statusCode(400);

        // Nothing more arrives later.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsAbout(number)).hasSize(4);
            assertThat(MailAndWebhook.webhookRequestsContaining(number)).hasSize(1);
        });
    }

    @Test
    void aNotifierStoppedMidwayCatchesUpOnceAndEventsReadAgainAreNotSentAgain() throws Exception {
        Person boss = inventory.employee(null);
        Person pat = inventory.employee(boss);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(boss, pat);
        inventory.awaitKnown(laptop);

        String number;
        ConsumerRecord<String, String> record;
        consumers.stopGroup(SupervisorNotifier.GROUP);
        try (KafkaProbe probe = KafkaProbe.fromNow(bootstrap, Topics.LOSS_REPORTS)) {
            number = Api.staff(pat)
                    .body(Api.lost(laptop))
                    .post(REPORTS)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("reportNumber");
            record = probe.awaitRecord(
                    r -> laptop.id().toString().equals(r.key())
                            && "LossReported".equals(KafkaProbe.header(r, EventHeaders.EVENT_TYPE)),
                    WAIT);
            String reportNumber = number;
            await().atMost(WAIT)
                    .until(() ->
                            MailAndWebhook.emailsTo(IT_ALERTS, reportNumber).size() == 1);
            assertThat(MailAndWebhook.emailsTo(boss.email(), number))
                    .as("the supervisor notifier is stopped")
                    .isEmpty();
        } finally {
            supervisorNotifier.start();
        }
        String reportNumber = number;
        await().atMost(WAIT)
                .until(() -> MailAndWebhook.emailsTo(boss.email(), reportNumber).size() == 1);

        // Make Kafka deliver the event again to both groups: stop them, move their offsets back, start them.
        double itDuplicates = duplicates(ItNotifier.GROUP);
        double supervisorDuplicates = duplicates(SupervisorNotifier.GROUP);
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        consumers.stopGroup(ItNotifier.GROUP);
        consumers.stopGroup(SupervisorNotifier.GROUP);
        try (Admin admin = Admin.create(TestKafka.admin(bootstrap))) {
            try {
                for (String group : List.of(ItNotifier.GROUP, SupervisorNotifier.GROUP)) {
                    await().atMost(WAIT).ignoreExceptions().until(() -> {
                        admin.alterConsumerGroupOffsets(
                                        group, Map.of(partition, new OffsetAndMetadata(record.offset())))
                                .all()
                                .get(10, TimeUnit.SECONDS);
                        return true;
                    });
                }
            } finally {
                itNotifier.start();
                supervisorNotifier.start();
            }
            for (String group : List.of(ItNotifier.GROUP, SupervisorNotifier.GROUP)) {
                await().atMost(WAIT).until(() -> {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(10, TimeUnit.SECONDS)
                            .get(partition);
                    return committed != null && committed.offset() > record.offset();
                });
            }
        }

        assertThat(duplicates(ItNotifier.GROUP))
                .as("it-notifier read the event again")
                .isGreaterThan(itDuplicates);
        assertThat(duplicates(SupervisorNotifier.GROUP))
                .as("supervisor-notifier read the event again")
                .isGreaterThan(supervisorDuplicates);
        UUID eventId = UUID.fromString(KafkaProbe.header(record, EventHeaders.EVENT_ID));
        assertThat(MailAndWebhook.emailsTo(IT_ALERTS, number)).hasSize(1);
        assertThat(MailAndWebhook.emailsTo(IT_ONCALL, number)).hasSize(1);
        assertThat(MailAndWebhook.emailsTo(boss.email(), number)).hasSize(1);
        assertThat(MailAndWebhook.webhookRequestsContaining(number)).hasSize(1);
        assertThat(notificationsOf(eventId)).isEqualTo(4);
        assertThat(processed(eventId)).isEqualTo(2);
    }

    @Test
    void aStudentsLossGoesToTheSchoolContactAndWithoutOneItIsToldToInformTheSchool() {
        Person student = inventory.student("LINCOLN-HS");
        String unknownSchool = "NOCONTACT-" + Inventory.RUN;
        Person another = inventory.person(PersonKind.STUDENT, unknownSchool, null);
        Device chromebook = inventory.laptop(student, false);
        Device other = inventory.laptop(another, false);
        inventory.awaitKnown(student, another);
        inventory.awaitKnown(chromebook, other);

        String first = Api.it()
                .body(Api.lost(chromebook))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract()
                .path("reportNumber");
        String second = Api.it()
                .body(Api.lost(other))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract()
                .path("reportNumber");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsTo(LINCOLN_OFFICE, first)).hasSize(1);
            assertThat(MailAndWebhook.emailsTo(IT_ALERTS, first)).hasSize(1);
            assertThat(MailAndWebhook.emailsTo(IT_ALERTS, second)).hasSize(1);
        });
        assertThat(MailAndWebhook.emailsTo(LINCOLN_OFFICE, first).get(0).body())
                .contains("the school office of LINCOLN-HS");
        assertThat(MailAndWebhook.emailsTo(IT_ALERTS, second).get(0).body())
                .contains("no contact is configured for school " + unknownSchool)
                .contains("Please tell the school");
        assertThat(MailAndWebhook.emailsAbout(second)).hasSize(2);
    }

    @Test
    void theHoldersSupervisorIsToldNeverTheReportersNorOneWhoHasLeft() {
        Person itsBoss = inventory.employee(null);
        Person itAdmin = inventory.employee(itsBoss);
        Person leftBoss = inventory.employee(null);
        Person pat = inventory.employee(leftBoss);
        Device spare = inventory.laptop(null, false);
        Device patsLaptop = inventory.laptop(pat, false);
        inventory.publishPerson(leftBoss, 2, false);
        inventory.awaitKnown(itsBoss, itAdmin, pat);
        inventory.awaitPersonVersion(leftBoss, 2);
        inventory.awaitKnown(spare, patsLaptop);

        Map<String, String> numbers = new LinkedHashMap<>();
        for (Device d : List.of(spare, patsLaptop)) {
            var created = TestApi.as(itAdmin.districtId(), "IT_ADMIN")
                    .body(Api.lost(d))
                    .post(REPORTS)
                    .then()
                    .statusCode(201)
                    .extract();
            numbers.put(created.path("id"), created.path("reportNumber"));
        }
        numbers.forEach((id, number) -> {
            await().atMost(WAIT)
                    .until(() -> MailAndWebhook.emailsTo(IT_ALERTS, number).size() == 1);
            UUID eventId = UUID.fromString(eventIdOf(id, "LossReported"));
            await().atMost(WAIT).until(() -> processed(eventId) == 2);
            assertThat(notificationsOf(eventId))
                    .as("IT's two addresses and its chat channel, no one else")
                    .isEqualTo(3);
            assertThat(MailAndWebhook.emailsTo(itsBoss.email(), number))
                    .as("the reporter's supervisor is not the holder's")
                    .isEmpty();
            assertThat(MailAndWebhook.emailsTo(leftBoss.email(), number))
                    .as("a supervisor who has left")
                    .isEmpty();
            assertThat(MailAndWebhook.emailsAbout(number)).hasSize(2);
        });
        List<String> ids = List.copyOf(numbers.keySet());
        assertThat(MailAndWebhook.emailsTo(IT_ALERTS, numbers.get(ids.get(0)))
                        .get(0)
                        .body())
                .contains("nobody else was told: the device is not assigned to anyone on record");
        assertThat(MailAndWebhook.emailsTo(IT_ALERTS, numbers.get(ids.get(1)))
                        .get(0)
                        .body())
                .contains("nobody else was told: supervisor Pat Example (" + leftBoss.districtId()
                        + ") has left the district");
    }

    @Test
    void aLostPersonalDeviceIsToldToItAloneNotToItsOwnersSupervisor() {
        Person boss = inventory.employee(null);
        Person pat = inventory.employee(boss);
        Device phone = inventory.personalPhone(pat);
        inventory.awaitKnown(boss, pat);
        inventory.awaitKnown(phone);

        var created = Api.staff(pat)
                .body(Api.lost(phone))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract();
        String number = created.path("reportNumber");
        await().atMost(WAIT)
                .until(() -> MailAndWebhook.emailsTo(IT_ALERTS, number).size() == 1);
        UUID eventId = UUID.fromString(eventIdOf(created.path("id"), "LossReported"));
        await().atMost(WAIT).until(() -> processed(eventId) == 2);
        assertThat(MailAndWebhook.emailsTo(boss.email(), number))
                .as("the owner's supervisor")
                .isEmpty();
        assertThat(MailAndWebhook.emailsTo(IT_ALERTS, number).get(0).body())
                .contains("A personal device was reported lost.")
                .contains("nobody else was told: it is the holder's personal device, which only its owner and IT"
                        + " hear of.")
                .doesNotContain("Please tell the school");
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffThenMarkedFailedAndDeadLettered() throws Exception {
        try (KafkaProbe deadLetters = KafkaProbe.fromNow(bootstrap, Topics.NOTIFICATIONS_DEAD_LETTER)) {
            Filed filed = fileLoss(500);
            String id = filed.id();
            String number = filed.number();

            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> id.equals(r.key()), WAIT);
            JsonNode data = mapper.readTree(dead.value()).path("data");
            assertThat(KafkaProbe.header(dead, EventHeaders.EVENT_TYPE)).isEqualTo("NotificationDeadLettered");
            assertThat(data.has("recipient"))
                    .as("the dead letter names no recipient")
                    .isFalse();
            assertThat(data.path("channel").asText()).isEqualTo("WEBHOOK");
            assertThat(data.path("attempts").asInt()).isEqualTo(3);
            assertThat(data.path("lastError").asText()).contains("500");

            List<MailAndWebhook.Received> attempts = MailAndWebhook.webhookRequestsContaining(number);
            assertThat(attempts).hasSize(3);
            long firstGap = attempts.get(1).nanoTime() - attempts.get(0).nanoTime();
            long secondGap = attempts.get(2).nanoTime() - attempts.get(1).nanoTime();
            assertThat(Duration.ofNanos(firstGap)).as("first backoff").isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(Duration.ofNanos(secondGap)).as("second backoff").isGreaterThanOrEqualTo(Duration.ofMillis(400));

            Api.it()
                    .queryParam("reportId", id)
                    .queryParam("status", "FAILED")
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].channel", equalTo("WEBHOOK"))
                    .body("items[0].recipient", equalTo("it-webhook"))
                    .body("items[0].attempts", equalTo(3))
                    .body("items[0].lastError", containsString("HTTP 500"));
            Api.it()
                    .queryParam("reportId", id)
                    .queryParam("status", "SENT")
                    .get("/api/v1/notifications")
                    .then()
                    .body("items.channel", everyItem(equalTo("EMAIL")))
                    .body("items.size()", equalTo(2));
            assertThat(MailAndWebhook.emailsTo(IT_ALERTS, number)).hasSize(1);
        }
    }

    @Test
    void aWebhookThatRefusesForGoodIsMarkedFailedAfterOneAttempt() throws Exception {
        try (KafkaProbe deadLetters = KafkaProbe.fromNow(bootstrap, Topics.NOTIFICATIONS_DEAD_LETTER)) {
            Filed filed = fileLoss(410);
            String id = filed.id();
            String number = filed.number();

            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> id.equals(r.key()), WAIT);
            JsonNode data = mapper.readTree(dead.value()).path("data");
            assertThat(data.path("attempts").asInt())
                    .as("no retry after a permanent refusal")
                    .isEqualTo(1);
            assertThat(data.path("lastError").asText()).contains("410");
            assertThat(MailAndWebhook.webhookRequestsContaining(number)).hasSize(1);
            Api.it()
                    .queryParam("reportId", id)
                    .queryParam("status", "FAILED")
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].attempts", equalTo(1));
        }
    }

    @Test
    void aWebhookThatHangsDoesNotHoldUpTheEmailsOfTheSameReport() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);
        Map<String, Object> body = Api.lost(laptop);
        MailAndWebhook.hangOn(laptop.assetTag());

        MailAndWebhook.holdHanging();
        try {
            String number = Api.staff(pat)
                    .body(body)
                    .post(REPORTS)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("reportNumber");
            await().atMost(WAIT).untilAsserted(() -> assertThat(MailAndWebhook.webhookRequestsContaining(number))
                    .isNotEmpty());
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(MailAndWebhook.emailsTo(IT_ALERTS, number)).hasSize(1);
                assertThat(MailAndWebhook.emailsTo(IT_ONCALL, number)).hasSize(1);
            });
            assertThat(MailAndWebhook.webhookRequestsContaining(number))
                    .as("the webhook is still answering its first request")
                    .hasSize(1);
        } finally {
            MailAndWebhook.releaseHanging();
        }
    }

    @Test
    void theReporterIsRemindedOfTheOwedPoliceReportUntilItIsRecorded() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);
        Map<String, Object> theft = Api.lost(laptop);
        theft.put("kind", "STOLEN");
        theft.put("policeNotified", false);
        var created =
                Api.staff(pat).body(theft).post(REPORTS).then().statusCode(201).extract();
        String id = created.path("id");
        String number = created.path("reportNumber");
        await().atMost(WAIT)
                .until(() -> MailAndWebhook.emailsTo(pat.email(), number).size() == 1);

        // The next reminder falls due (the schedule is daily in production).
        makeReminderDue(id);
        await().atMost(WAIT)
                .until(() -> MailAndWebhook.emailsTo(pat.email(), number).size() == 2);
        assertThat(MailAndWebhook.emailsTo(pat.email(), number))
                .anySatisfy(e -> assertThat(e.subject()).contains("Reminder 2"));

        Api.staff(pat)
                .body(Map.of("policeAgency", "Metro Police", "policeCaseNumber", "MP-77"))
                .post(REPORTS + "/" + id + "/police-report")
                .then()
                .statusCode(200)
                .body("police.reportOwed", equalTo(false));
        makeReminderDue(id);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .until(() -> MailAndWebhook.emailsTo(pat.email(), number).size() == 2);
    }

    @Test
    void lostDevicesSeenAndReturnTasksReachItAndTheResponsiblePeople() {
        Person boss = inventory.employee(null);
        Person pat = inventory.employee(boss);
        Device laptop = inventory.laptop(pat, false);
        Device sensitive = inventory.laptop(pat, true);
        inventory.awaitKnown(boss, pat);
        inventory.awaitKnown(laptop, sensitive);
        var created = Api.staff(pat)
                .body(Api.lost(laptop))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract();
        String id = created.path("id");
        String number = created.path("reportNumber");

        inventory.send(
                Topics.DEVICE_ALERTS,
                laptop.id(),
                LostDeviceSeen.TYPE,
                "Device",
                1,
                new LostDeviceSeen(
                        laptop.id(), Instant.now(), "LINCOLN-HS library", "10.20.30.40", true, "203.0.113.45"));
        LocalDate due = LocalDate.now().plusDays(5);
        inventory.send(
                Topics.RETURN_TASKS,
                sensitive.id(),
                ReturnTaskOpened.TYPE,
                "ReturnTask",
                1,
                new ReturnTaskOpened(UUID.randomUUID(), sensitive.id(), pat.id(), due, true, Instant.now()));
        inventory.send(
                Topics.RETURN_TASKS,
                sensitive.id(),
                ReturnTaskOverdue.TYPE,
                "ReturnTask",
                2,
                new ReturnTaskOverdue(UUID.randomUUID(), sensitive.id(), pat.id(), due, Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsTo(IT_ALERTS, "Lost device seen on the network: " + laptop.assetTag()))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(pat.email(), "Please return device " + sensitive.assetTag()))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(boss.email(), "Device return due: " + sensitive.assetTag()))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(IT_ALERTS, "Overdue device return: " + sensitive.assetTag()))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(boss.email(), "Overdue device return: " + sensitive.assetTag()))
                    .hasSize(1);
        });
        Email seen = MailAndWebhook.emailsTo(IT_ALERTS, "Lost device seen on the network: " + laptop.assetTag())
                .get(0);
        assertThat(seen.subject()).contains(number);
        assertThat(seen.body())
                .contains("LINCOLN-HS library")
                .contains("10.20.30.40")
                .contains("http://localhost:8084/loss-reports/" + id)
                .doesNotContain("45.5")
                .doesNotContain("122.6");
        assertThat(MailAndWebhook.emailsTo(pat.email(), "Please return device " + sensitive.assetTag())
                        .get(0)
                        .body())
                .contains(due.toString())
                .contains("directly to IT");
    }

    @Test
    void theHolderIsRemindedAndTheSupervisorAndItHearOfEveryEscalationOfALoaner() {
        Person boss = inventory.employee(null);
        Person pat = inventory.employee(boss);
        Device loaner = inventory.laptop(pat, false);
        inventory.awaitKnown(boss, pat);
        inventory.awaitKnown(loaner);
        UUID task = UUID.randomUUID();
        LocalDate due = LocalDate.now().minusDays(4);
        String tag = loaner.assetTag();
        inventory.send(
                Topics.RETURN_TASKS,
                loaner.id(),
                ReturnTaskReminder.TYPE,
                "ReturnTask",
                1,
                new ReturnTaskReminder(
                        task,
                        loaner.id(),
                        pat.id(),
                        due,
                        ReturnReason.LOAN,
                        ReturnTaskReminder.Reminder.DUE_SOON,
                        Instant.now()));
        inventory.send(
                Topics.RETURN_TASKS,
                loaner.id(),
                ReturnTaskReminder.TYPE,
                "ReturnTask",
                2,
                new ReturnTaskReminder(
                        task,
                        loaner.id(),
                        pat.id(),
                        due,
                        ReturnReason.LOAN,
                        ReturnTaskReminder.Reminder.DUE_TODAY,
                        Instant.now()));
        for (int escalation = 1; escalation <= 2; escalation++) {
            inventory.send(
                    Topics.RETURN_TASKS,
                    loaner.id(),
                    ReturnTaskOverdue.TYPE,
                    "ReturnTask",
                    2 + escalation,
                    new ReturnTaskOverdue(
                            task, loaner.id(), pat.id(), due, Instant.now(), ReturnReason.LOAN, escalation));
        }

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(MailAndWebhook.emailsTo(pat.email(), "Reminder: return device " + tag + " by " + due))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(pat.email(), "Today: return device " + tag))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(pat.email(), "Overdue: please return device " + tag))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(boss.email(), "Overdue device return: " + tag))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(IT_ALERTS, "Overdue device return: " + tag))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(boss.email(), "Still overdue (notice 2): " + tag))
                    .hasSize(1);
            assertThat(MailAndWebhook.emailsTo(IT_ALERTS, "Still overdue (notice 2): " + tag))
                    .hasSize(1);
        });
        // The holder hears once that it is overdue; the repeats go to the people who follow it up.
        assertThat(MailAndWebhook.emailsAbout(tag).stream()
                        .filter(e -> e.to().equalsIgnoreCase(pat.email()))
                        .toList())
                .hasSize(3);
        assertThat(MailAndWebhook.emailsTo(pat.email(), "Reminder: return device " + tag)
                        .get(0)
                        .body())
                .contains("lent to you")
                .contains(due.toString());
        assertThat(MailAndWebhook.emailsTo(IT_ALERTS, "Still overdue (notice 2): " + tag)
                        .get(0)
                        .body())
                .contains("a loaner")
                .contains("4 days overdue");
    }

    @Test
    void aStaffMemberWhoseIdTheIdentityProviderSpellsInLowerCaseReportsTheirOwnLaptop() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);
        String lowerCase = pat.districtId().toLowerCase();
        String id = TestApi.as(lowerCase, "STAFF")
                .body(Api.lost(laptop))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .body("reportedBy", equalTo(pat.districtId()))
                .extract()
                .path("id");
        TestApi.as(lowerCase, "STAFF").get(REPORTS + "/" + id).then().statusCode(200);
        TestApi.as(lowerCase, "STAFF")
                .get(REPORTS)
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void aFailedEmailsRecipientAndSubjectReachNeitherTheLogNorTheDeadLetter() throws Exception {
        String recipient = Inventory.unique("private").toLowerCase() + "@district.example";
        String who = "Jordan " + Inventory.unique("Privacy");
        // A subject no mail client may send (a line break), so the message fails for good at its first attempt.
        String subject = "Overdue device return: LT-1 (" + who + ")\nBcc: someone@elsewhere.example";
        UUID event = UUID.randomUUID();
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger notify = java.util.logging.Logger.getLogger("org.district.lossreport.notify");
        notify.addHandler(capture);
        try (KafkaProbe deadLetters = KafkaProbe.fromNow(bootstrap, Topics.NOTIFICATIONS_DEAD_LETTER)) {
            db().execute(
                            "insert into notification (id, event_id, event_type, consumer, recipient, channel, subject,"
                                    + " body, status, attempts, next_attempt_at, created_at, updated_at) values (?, ?,"
                                    + " 'ReturnTaskOverdue', 'supervisor-notifier', ?, 'EMAIL', ?, 'body', 'PENDING', 0,"
                                    + " now(), now(), now())",
                            UUID.randomUUID(),
                            event,
                            recipient,
                            subject);

            ConsumerRecord<String, String> dead =
                    deadLetters.awaitRecord(r -> event.toString().equals(r.key()), WAIT);
            JsonNode data = mapper.readTree(dead.value()).path("data");
            assertThat(data.path("attempts").asInt()).isEqualTo(1);
            assertThat(data.path("channel").asText()).isEqualTo("EMAIL");
            assertThat(dead.value()).doesNotContain(recipient).doesNotContain(who);
            await().atMost(WAIT)
                    .until(() -> logged.stream().anyMatch(r -> formatted(r).contains("dead-lettered")));
            assertThat(logged).extracting(NotificationTest::formatted).allSatisfy(line -> assertThat(line)
                    .doesNotContain(recipient)
                    .doesNotContain(who));
        } finally {
            notify.removeHandler(capture);
        }
    }

    private static String formatted(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    @Test
    void aDeliveryClaimedByAWorkerThatCrashedIsSentOnceItsLeaseRunsOut() {
        String subject = "Lease test " + UUID.randomUUID();
        String recipient = Inventory.unique("lease").toLowerCase() + "@district.example";
        // As a worker leaves it when it dies after claiming: attempt counted, claimed, lease already run out.
        db().execute(
                        "insert into notification (id, event_id, event_type, consumer, recipient, channel, subject, body,"
                                + " status, attempts, next_attempt_at, claim_token, created_at, updated_at) values (?, ?,"
                                + " 'LossReported', 'it-notifier', ?, 'EMAIL', ?, 'body', 'PENDING', 1,"
                                + " now() - interval '1 second', ?, now(), now())",
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        recipient,
                        subject,
                        UUID.randomUUID());

        await().atMost(WAIT)
                .until(() -> MailAndWebhook.emailsTo(recipient, subject).size() == 1);
        await().atMost(WAIT).until(() -> "SENT".equals(statusOf(subject)));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> MailAndWebhook.emailsTo(recipient, subject).size() == 1);
    }

    // ---------------------------------------------------------------- helpers

    /** A filed report: its id and its number. */
    private record Filed(String id, String number) {}

    /** A new staff member reports their new laptop lost; IT's chat webhook answers its message with this status. */
    private Filed fileLoss(int webhookStatus) {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);
        MailAndWebhook.answer(laptop.assetTag(), webhookStatus);
        var created = Api.staff(pat)
                .body(Api.lost(laptop))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract();
        return new Filed(created.path("id"), created.path("reportNumber"));
    }

    private TestDb db() {
        return TestDb.of(dataSource);
    }

    private String statusOf(String subject) {
        return db().text("select status from notification where subject = ?", subject);
    }

    private double duplicates(String group) {
        var counter = registry.find("district.consumer.events")
                .tag("group", group)
                .tag("outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private String eventIdOf(String reportId, String type) {
        return db().text(
                        "select cast(event_id as text) from notification where report_id = ? and event_type = ? limit 1",
                        UUID.fromString(reportId),
                        type);
    }

    private long notificationsOf(UUID eventId) {
        return db().count("select count(*) from notification where event_id = ?", eventId);
    }

    private long processed(UUID eventId) {
        return db().count(
                        "select count(*) from processed_event where event_id = ?"
                                + " and consumer in ('it-notifier', 'supervisor-notifier')",
                        eventId);
    }

    private void makeReminderDue(String reportId) {
        db().execute(
                        "update loss_report set next_police_reminder_at = now() - interval '1 minute'"
                                + " where id = ? and police_report_owed",
                        UUID.fromString(reportId));
    }
}
