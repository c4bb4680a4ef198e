package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.district.systemtests.District.Device;
import org.district.systemtests.District.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * HR announces a person's leaving date ahead of time from the person's page in the console, in headless Chromium: a day
 * too far ahead is refused by the field, a good one is saved with the rest of the record unchanged and confirmed in
 * words, the check-in service opens the return task for that day, and the date can be cleared again. Every state is
 * checked with axe-core for WCAG 2.1 AA at a phone's and a laptop's width, and photographed.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeavingDateConsoleIT {

    private DistrictSystem system;
    private District district;

    @BeforeAll
    void start() {
        system = DistrictSystem.current();
        district = new District(system);
    }

    @Test
    void hrSetsALeavingDateAheadAndClearsItAgain() {
        Person supervisor = district.employee(null);
        Person leaving = district.employee(supervisor);
        Device laptop = district.device("LAPTOP", false);
        district.assign(laptop, leaving);
        LocalDate today = DistrictSystem.today();
        LocalDate leavingOn = today.plusDays(30);

        try (Browser browser = new Browser(system, "console-leaving-date-hr", Browser.DESKTOP)) {
            browser.signInToConsole("/people/" + leaving.id(), district.hrId, "HR");
            assertThat(browser.find(By.id("leaving-date-heading")).getText()).isEqualTo("Leaving date");
            assertThat(browser.find(By.id("leavingDate")).getAttribute("value")).isEmpty();
            assertThat(browser.driver().findElements(By.id("clear-leaving-date")))
                    .as("nothing to clear yet")
                    .isEmpty();
            Axe.assertAccessible(browser, "console-leaving-date-empty-hr");

            // More than a year ahead: the inventory refuses it, and the form says so by the field.
            browser.setDate("leavingDate", today.plusDays(400));
            browser.find(By.id("save-leaving-date")).click();
            browser.awaitErrorSummary("Leaving date must be at most 366 days from today.");
            assertThat(browser.find(By.id("leavingDate-error")).getText())
                    .isEqualTo("Leaving date must be at most 366 days from today.");
            assertThat(browser.find(By.id("leavingDate")).getAttribute("aria-describedby"))
                    .contains("leavingDate-error");
            Axe.assertAccessible(browser, "console-leaving-date-refused-hr", "leaving-date-heading");

            browser.setDate("leavingDate", leavingOn);
            browser.find(By.id("save-leaving-date")).click();
            browser.awaitElement("leaving-date-saved");
            assertThat(browser.find(By.id("leaving-date-saved")).getText())
                    .isEqualTo("Leaving date set to " + Browser.consoleDate(leavingOn)
                            + "; return tasks open for that day.");
            assertThat(browser.find(By.id("leaving")).getText()).contains(Browser.consoleDate(leavingOn));
            assertThat(browser.find(By.id("leavingDate")).getAttribute("value")).isEqualTo(leavingOn.toString());
            Axe.assertAccessible(browser, "console-leaving-date-set-hr");
        }

        // The rest of the record is as it was; the history names the leaving date.
        JsonNode person = Http.get(system.inventory("/api/v1/people/" + leaving.id()), district.hrToken())
                .json();
        assertThat(person.get("active").asBoolean()).isTrue();
        assertThat(person.get("departedOn").asText()).isEqualTo(leavingOn.toString());
        assertThat(person.get("email").asText()).isEqualTo(leaving.email());
        assertThat(person.get("supervisor").get("districtId").asText()).isEqualTo(supervisor.districtId());
        assertThat(Http.get(system.inventory("/api/v1/people/" + leaving.id() + "/history"), district.hrToken())
                        .text())
                .contains("LEAVING_DATE_SET");
        // The check-in service opens the laptop's return task, due that day.
        await().atMost(District.PROPAGATION).untilAsserted(() -> assertThat(
                        Http.get(system.checkin("/api/v1/return-tasks?person=" + leaving.id()), district.itToken())
                                .text())
                .contains(laptop.assetTag())
                .contains(leavingOn.toString()));

        try (Browser browser = new Browser(system, "console-leaving-date-clear-hr", Browser.PHONE)) {
            browser.signInToConsole("/people/" + leaving.id(), district.hrId, "HR");
            browser.find(By.id("clear-leaving-date")).click();
            browser.awaitElement("leaving-date-cleared");
            assertThat(browser.find(By.id("leaving-date-cleared")).getText()).startsWith("Leaving date cleared.");
            assertThat(browser.driver().findElements(By.id("leaving"))).isEmpty();
            assertThat(browser.find(By.id("leavingDate")).getAttribute("value")).isEmpty();
            Axe.assertAccessible(browser, "console-leaving-date-cleared-hr");
        }
        JsonNode cleared = Http.get(system.inventory("/api/v1/people/" + leaving.id()), district.hrToken())
                .json();
        assertThat(cleared.path("departedOn").isMissingNode()
                        || cleared.path("departedOn").isNull())
                .as("no leaving date: " + cleared)
                .isTrue();
        assertThat(cleared.get("active").asBoolean()).isTrue();
    }
}
