package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.district.checkin.service.ReturnTaskService;
import org.district.contracts.checkin.ReturnReason;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.checkin.ReturnTaskReminder;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.junit.jupiter.api.Test;

/**
 * One departure path (inventory's people sync opens the same return tasks as an offboarding request, once), loaners as
 * return tasks, and the reminders and repeated escalation every open task gets.
 */
@QuarkusTest
class DeparturesAndLoanersTest {

    @Inject
    Db db;

    @Inject
    ReturnTaskService returnTasks;

    private long tasksOf(Feed.Person p) {
        return db.count("select count(*) from return_task where person_id = ?", p.id());
    }

    private long events(Feed.Device d, String type) {
        return db.count(
                "select count(*) from outbox_event where record_key = ? and event_type = ?", d.id().toString(), type);
    }

    @Test
    void aPersonSetInactiveInThePeopleSyncOpensTheSameReturnTasksOnce() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        Feed.Device laptop = db.known(Feed.laptop(school).sensitive().assignedTo(leaving, Instant.now()));
        LocalDate today = LocalDate.now();

        // HR's nightly sync sets the person inactive (inventory records today as the last working day).
        Feed.publish(leaving, 2, false, today);
        await().atMost(Duration.ofSeconds(60)).until(() -> tasksOf(leaving) == 1);
        assertThat(db.text("select due_on::text from return_task where person_id = ?", leaving.id()))
                .isEqualTo(today.toString());
        assertThat(db.text("select reason from return_task where person_id = ?", leaving.id()))
                .isEqualTo("DEPARTURE");
        assertThat(db.text("select source from offboarding where person_id = ?", leaving.id()))
                .isEqualTo("PEOPLE_SYNC");

        // The next sync sends the person again, and HR also posts the offboarding: nothing opens twice.
        Feed.publish(leaving, 3, false, today);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from person_view where id = ? and version = 3", leaving.id()) == 1);
        Api.as("HR-" + Feed.RUN, "HR")
                .body(Map.of("personId", leaving.id().toString(), "lastWorkingDay", today.toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201)
                .body("tasksOpened", equalTo(0));
        assertThat(tasksOf(leaving)).isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from offboarding where person_id = ? and source = 'PEOPLE_SYNC'",
                        leaving.id()))
                .isEqualTo(1);
        assertThat(events(laptop, ReturnTaskOpened.TYPE)).isEqualTo(1);

        // A device that reaches the read model after the departure is due back on the same day.
        Feed.Device tablet = db.known(Feed.device(DeviceType.TABLET, school).assignedTo(leaving, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> tasksOf(leaving) == 2);
        assertThat(db.text("select due_on::text from return_task where device_id = ?", tablet.id()))
                .isEqualTo(today.toString());
    }

    @Test
    void aLeavingDateAnnouncedAheadOpensTasksDueThatDayWhileThePersonIsStillActive() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        Feed.Person staying = db.known(Feed.person(school));
        db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        db.known(Feed.laptop(school).assignedTo(staying, Instant.now()));
        LocalDate lastDay = LocalDate.now().plusDays(12);

        Feed.publish(leaving, 2, true, lastDay);
        Feed.publish(staying, 2, true, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> tasksOf(leaving) == 1);
        assertThat(db.text("select due_on::text from return_task where person_id = ?", leaving.id()))
                .isEqualTo(lastDay.toString());
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from person_view where id = ? and version = 2", staying.id()) == 1);
        assertThat(tasksOf(staying)).isZero();
    }

    @Test
    void aLoanerIsRemindedBeforeAndOnItsDueDateThenEscalatedUntilItComesBack() {
        String school = Feed.unique("SCHOOL");
        Feed.Person borrower = db.known(Feed.person(school));
        Feed.Device loaner = Feed.laptop(school).assignedTo(borrower, Instant.now());
        LocalDate dueOn = LocalDate.now().plusDays(2);
        Feed.publishLoan(loaner, dueOn);
        await().atMost(Duration.ofSeconds(60)).until(() -> tasksOf(borrower) == 1);
        assertThat(db.text("select reason from return_task where person_id = ?", borrower.id()))
                .isEqualTo("LOAN");
        assertThat(db.text("select offboarding_id::text from return_task where person_id = ?", borrower.id()))
                .isNull();
        assertThat(db.count("select count(*) from offboarding where person_id = ?", borrower.id()))
                .isZero();
        Api.auditor()
                .queryParam("person", borrower.id().toString())
                .get("/api/v1/return-tasks")
                .then()
                .statusCode(200)
                .body("items[0].reason", equalTo(ReturnReason.LOAN.name()))
                .body("items[0].dueOn", equalTo(dueOn.toString()));

        // Opened before today: the notice it opened with is not the reminder. Two days out: reminded once.
        db.execute("update return_task set opened_at = now() - interval '5 days' where person_id = ?", borrower.id());
        returnTasks.escalateOverdue();
        returnTasks.escalateOverdue();
        assertThat(events(loaner, ReturnTaskReminder.TYPE)).isEqualTo(1);
        assertThat(db.text(
                        "select payload::text from outbox_event where record_key = ? and event_type = ?",
                        loaner.id().toString(),
                        ReturnTaskReminder.TYPE))
                .contains("\"DUE_SOON\"")
                .contains("\"LOAN\"");

        // The due date: reminded on the day, once.
        db.execute("update return_task set due_on = current_date where person_id = ?", borrower.id());
        returnTasks.escalateOverdue();
        returnTasks.escalateOverdue();
        assertThat(events(loaner, ReturnTaskReminder.TYPE)).isEqualTo(2);

        // Past due: OVERDUE and escalated once; again only after the repeat interval (3 days).
        db.execute("update return_task set due_on = current_date - 1 where person_id = ?", borrower.id());
        returnTasks.escalateOverdue();
        returnTasks.escalateOverdue();
        assertThat(events(loaner, ReturnTaskOverdue.TYPE)).isEqualTo(1);
        assertThat(db.text("select status from return_task where person_id = ?", borrower.id()))
                .isEqualTo("OVERDUE");
        db.execute(
                "update return_task set escalated_at = now() - interval '2 days' where person_id = ?", borrower.id());
        returnTasks.escalateOverdue();
        assertThat(events(loaner, ReturnTaskOverdue.TYPE)).isEqualTo(1);
        db.execute(
                "update return_task set escalated_at = now() - interval '3 days 1 minute' where person_id = ?",
                borrower.id());
        returnTasks.escalateOverdue();
        returnTasks.escalateOverdue();
        assertThat(events(loaner, ReturnTaskOverdue.TYPE)).isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from outbox_event where record_key = ? and event_type = ?"
                                + " and jsonb_path_exists(payload, '$.**.escalation ? (@ == 2)')",
                        loaner.id().toString(),
                        ReturnTaskOverdue.TYPE))
                .isEqualTo(1);

        // IT takes the loaner back in inventory: the task closes and the escalation stops.
        db.known(loaner.withStatus(DeviceStatus.IN_STOCK).unassigned());
        await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED"
                .equals(db.text("select status from return_task where person_id = ?", borrower.id())));
        db.execute(
                "update return_task set escalated_at = now() - interval '10 days' where person_id = ?", borrower.id());
        returnTasks.escalateOverdue();
        assertThat(events(loaner, ReturnTaskOverdue.TYPE)).isEqualTo(2);
    }
}
