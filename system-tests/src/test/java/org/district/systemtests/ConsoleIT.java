package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.district.systemtests.District.Device;
import org.district.systemtests.District.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The console, in headless Chromium, as each role uses it: IT finds an overdue laptop from the home page's tile,
 * opens it and locks it after a confirmation that names it; an auditor reads the same device page without any action
 * and a forged action is refused; a staff member on a phone sees only their own devices. Every page in every state
 * the story passes (full, empty, with errors) is checked with axe-core for WCAG 2.1 AA, and photographed.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {

    private static final Duration SIGN_IN = Browser.SIGN_IN;
    private static final Duration PAGE = Browser.PAGE;

    private DistrictSystem system;
    private District district;

    @BeforeAll
    void start() {
        system = DistrictSystem.current();
        district = new District(system);
        // IT and the auditor are people of the district too: pages name them ("sent by"), never by their ids.
        registerPerson(district.itId, "Alex", "Technician");
        registerPerson(district.auditorId, "Casey", "Auditor");
    }

    @Test
    void itFindsAnOverdueLaptopOpensItAndLocksIt() {
        Person holder = district.employee(null);
        Device laptop = district.device("LAPTOP", false);
        district.assign(laptop, holder);
        String holderName = "Pat Employee " + holder.districtId();
        awaitOverdue(laptop);

        try (Browser browser = new Browser(system, "console-it", Browser.DESKTOP)) {
            browser.signInToConsole("/?school=" + system.school(), district.itId, "IT_ADMIN");
            String tile = browser.find(By.cssSelector("#tile-overdue .count")).getText();
            assertThat(Integer.parseInt(tile.trim()))
                    .as("the overdue tile's count")
                    .isPositive();
            // The last 30 days as charts, drawn by the page, with their numbers, once the check-in service has counted.
            await().atMost(SIGN_IN).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.open(system.consolePage("/"));
                return !browser.driver()
                        .findElements(By.cssSelector("#chart-checkins svg rect"))
                        .isEmpty();
            });
            assertThat(browser.find(By.cssSelector("#chart-checkins svg desc")).getAttribute("textContent"))
                    .startsWith("Check-ins per day from ");
            assertThat(browser.find(By.cssSelector("#chart-overdue svg desc")).getAttribute("textContent"))
                    .contains("latest");
            Axe.assertAccessible(browser, "console-home-desktop");
            browser.open(system.consolePage("/?school=" + system.school()));

            browser.find(By.id("tile-overdue")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("/devices/overdue"));
            String overdue = browser.find(By.id("overdue")).getText();
            assertThat(overdue).contains(laptop.assetTag()).contains(holderName);
            Axe.assertAccessible(browser, "console-overdue-desktop");

            // The CSV of a filtered list is exactly the inventory's export of the same filters.
            String filter = "?school=" + system.school() + "&type=LAPTOP&status=ASSIGNED";
            // The text is compared without its carriage returns (the driver's transport may drop them); the browser
            // counts the CSV's CRLF line ends itself.
            Object csv = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch('/devices/export.csv" + filter + "').then(r => r.text().then(t =>"
                            + " done(r.status + ' ' + r.headers.get('content-type').split(';')[0] + ' '"
                            + " + t.split('\\r\\n').length + '\\n' + t.replaceAll('\\r', ''))));");
            String expected = Http.get(system.inventory("/api/v1/devices/export" + filter), district.itToken())
                    .text();
            assertThat(expected).contains(laptop.assetTag());
            assertThat(String.valueOf(csv))
                    .isEqualTo("200 text/csv " + expected.split("\r\n", -1).length + "\n" + expected.replace("\r", ""));

            browser.find(By.linkText(laptop.assetTag())).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/" + laptop.id()));
            assertThat(browser.find(By.tagName("h1")).getText())
                    .contains(laptop.assetTag())
                    .contains("Assigned");
            assertThat(browser.find(By.id("holder")).getText()).contains(holderName);
            assertThat(browser.find(By.id("history")).getText())
                    .as("history says who did it, by name")
                    .contains("by Alex Technician");
            Axe.assertAccessible(browser, "console-device-desktop");

            browser.find(By.id("lock")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("/commands/new?type=LOCK"));
            assertThat(browser.find(By.id("names-device")).getText())
                    .as("the confirmation names the device and its holder")
                    .contains(laptop.assetTag())
                    .contains(laptop.serialNumber())
                    .contains(holderName);
            Axe.assertAccessible(browser, "console-lock-confirm-desktop");

            browser.find(By.id("confirm")).click();
            await().atMost(PAGE).until(() -> !browser.driver()
                    .findElements(By.cssSelector(".error-summary"))
                    .isEmpty());
            assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("Enter why the lock");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
                    .as("the error summary takes focus")
                    .contains("error-summary");
            Axe.assertAccessible(browser, "console-lock-error-desktop");
            assertThat(commands(laptop)).as("nothing is sent without a reason").isEmpty();

            browser.find(By.id("reason")).sendKeys("Overdue and not answering");
            browser.find(By.id("confirm")).click();
            browser.awaitElement("command-sent");
            assertThat(browser.find(By.id("command-sent")).getText()).contains("Lock sent");
            String commandsTable = browser.find(By.id("commands")).getText();
            assertThat(commandsTable)
                    .contains("Lock")
                    .contains("Waiting for the device")
                    .contains("Alex Technician");

            JsonNode sent = commands(laptop);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).get("type").asText()).isEqualTo("LOCK");
            assertThat(sent.get(0).get("reason").asText()).isEqualTo("Overdue and not answering");
            assertThat(commandsTable)
                    .as("the time it was asked, in the district's zone")
                    .contains(Browser.consoleTime(
                            Instant.parse(sent.get(0).get("createdAt").asText())));
            Axe.assertAccessible(browser, "console-device-locked-desktop");
        }
    }

    @Test
    void itChecksACsvImportFirstThenSavesItAndAddsADeviceByHand() throws Exception {
        String first = system.id("IMP");
        String second = system.id("IMP");
        String school = system.school();
        Path csv = Files.createTempFile("devices", ".csv");
        Files.writeString(
                csv,
                "assetTag,serialNumber,type,make,model,school,sensitiveData,acquisitionType,vendor,purchaseOrder,cost,acquiredOn\n"
                        + first + ",SN" + first + ",CHROMEBOOK,Acer,Chromebook 314," + school
                        + ",false,PURCHASED,CDW,PO-1,289.00,2026-08-01\n"
                        + second + ",SN" + second + ",LAPTOP,Dell,Latitude 3440," + school
                        + ",true,PURCHASED,CDW,PO-1,849.00,2026-08-01\n"
                        + system.id("IMP") + ",SNBAD,TYPEWRITER,Olivetti,Lettera," + school
                        + ",false,PURCHASED,CDW,PO-1,10.00,2026-08-01\n");

        try (Browser browser = new Browser(system, "console-import", Browser.DESKTOP)) {
            browser.signInToConsole("/devices", district.itId, "IT_ADMIN");
            browser.find(By.id("import-devices")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/import"));
            Axe.assertAccessible(browser, "console-import-desktop");

            browser.find(By.id("check")).click();
            assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("Choose the CSV file");
            Axe.assertAccessible(browser, "console-import-error-desktop");

            browser.find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            browser.find(By.id("check")).click();
            await().atMost(PAGE).until(() -> !browser.driver()
                    .findElements(By.id("dry-run-note"))
                    .isEmpty());
            assertThat(browser.find(By.id("count-created")).getText())
                    .as(browser.find(By.tagName("main")).getText())
                    .isEqualTo("2");
            assertThat(browser.find(By.id("count-rejected")).getText()).isEqualTo("1");
            assertThat(browser.find(By.cssSelector("#rejected-rows tbody th")).getText())
                    .as("the refused row, by its line")
                    .isEqualTo("4");
            assertThat(browser.find(By.cssSelector("#rejected-rows tbody td:last-child"))
                            .getText())
                    .as("and its reason")
                    .contains("TYPEWRITER");
            assertThat(devicesTagged(first)).as("a dry run saves nothing").isZero();
            Axe.assertAccessible(browser, "console-import-dry-run-desktop");

            browser.find(By.id("save-import")).click();
            await().atMost(PAGE).until(() -> !browser.driver()
                    .findElements(By.id("import-saved"))
                    .isEmpty());
            assertThat(browser.find(By.id("import-saved")).getText()).contains("2 added");
            assertThat(devicesTagged(first)).isEqualTo(1);
            assertThat(devicesTagged(second)).isEqualTo(1);
            Axe.assertAccessible(browser, "console-import-saved-desktop");

            // The upload was saved and no longer waits: going back to its check says so, and offers no second save.
            browser.driver().navigate().back();
            browser.awaitErrorSummary("no longer waiting");
            assertThat(browser.driver().findElements(By.id("save-import"))).isEmpty();

            // The devices list finds them, and keeps only the one holding sensitive data when asked.
            browser.open(system.consolePage("/devices"));
            browser.fill("q", first.substring(0, first.lastIndexOf('-')));
            browser.find(By.id("sensitive")).click();
            browser.find(By.cssSelector("form.filters button[type=submit]")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("sensitive=true"));
            assertThat(browser.find(By.id("devices")).getText())
                    .contains(second)
                    .doesNotContain(first);
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("checkin"))).selectByValue("overdue");
            browser.find(By.cssSelector("form.filters button[type=submit]")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("/devices/overdue"));

            // One device by hand: the inventory's own messages, next to the fields, and the values kept.
            browser.open(system.consolePage("/devices/new"));
            Axe.assertAccessible(browser, "console-new-device-desktop");
            browser.find(By.id("assetTag")).sendKeys(first);
            browser.find(By.id("register")).click();
            String summary = browser.find(By.cssSelector(".error-summary")).getText();
            assertThat(summary)
                    .contains("Serial number must not be blank")
                    .contains("Make must not be blank")
                    .contains("School must not be blank")
                    .contains("Date acquired must not be null");
            assertThat(browser.find(By.id("assetTag")).getAttribute("value")).isEqualTo(first);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
                    .contains("error-summary");
            Axe.assertAccessible(browser, "console-new-device-errors-desktop");

            String third = system.id("NEW");
            browser.fill("serialNumber", "SN" + third);
            browser.fill("make", "HP");
            browser.fill("model", "ProBook 440");
            browser.fill("school", school);
            browser.fill("acquiredOn", "08/15/2026");
            browser.fill("cost", "1,049.50");
            browser.fill("vendor", "CDW");
            browser.fill("purchaseOrder", "PO-" + third);
            browser.find(By.id("register")).click();
            browser.awaitErrorSummary("Asset tag is already used");

            browser.fill("assetTag", third);
            browser.find(By.id("register")).click();
            browser.awaitElement("device-registered");
            assertThat(browser.find(By.tagName("h1")).getText()).contains(third).contains("In stock");
            JsonNode added = Http.get(system.inventory("/api/v1/devices?q=" + third), district.itToken())
                    .json()
                    .get("items")
                    .get(0);
            assertThat(added.get("model").asText()).isEqualTo("ProBook 440");
            assertThat(added.get("acquisition").get("cost").decimalValue()).isEqualByComparingTo("1049.50");
            assertThat(added.get("acquisition").get("acquiredOn").asText()).isEqualTo("2026-08-15");

            // A device check-ins have not heard of (inventory's event still on its way to them) keeps its page: the
            // device without check-ins, commands or credential, and a word on why; never "Not found".
            UUID addedId = UUID.fromString(added.get("id").asText());
            await().atMost(PAGE)
                    .until(() -> system.checkinDb.count("select count(*) from device where id = ?", addedId) == 1);
            system.checkinDb.execute("delete from device where id = ?", addedId);
            browser.open(system.consolePage("/devices/" + addedId));
            assertThat(browser.find(By.tagName("h1")).getText()).contains(third).contains("In stock");
            assertThat(browser.find(By.id("credential-status")).getText())
                    .contains("Check-ins have not heard of this device yet");
            assertThat(browser.driver().findElements(By.id("issue-credential"))).isEmpty();
            Axe.assertAccessible(browser, "console-device-unknown-to-checkins-desktop");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void itMovesADeviceOnlyAsItsLifecycleAllowsAndIssuesItsCredentialOnce() {
        Person holder = district.employee(null);
        Device laptop = district.device("LAPTOP", true);
        String holderName = "Pat Employee " + holder.districtId();

        try (Browser browser = new Browser(system, "console-moves", Browser.DESKTOP)) {
            browser.signInToConsole("/devices/" + laptop.id(), district.itId, "IT_ADMIN");
            assertThat(moveButtons(browser)).contains("Assign to a person").doesNotContain("Take back");

            browser.find(By.id("move-assign-assigned")).click();
            browser.find(By.id("confirm")).click();
            assertThat(browser.find(By.cssSelector(".error-summary")).getText())
                    .contains("Enter the district id of the person");
            browser.fill("personDistrictId", "NOBODY-" + holder.districtId());
            browser.find(By.id("confirm")).click();
            // The inventory's own message, naming the field as the form does.
            browser.awaitErrorSummary("District id of the person names no known person.");
            Axe.assertAccessible(browser, "console-assign-error-desktop");
            browser.fill("personDistrictId", holder.districtId());
            browser.find(By.id("confirm")).click();
            browser.awaitElement("device-moved");
            assertThat(browser.find(By.id("holder")).getText()).contains(holderName);
            // Found by its holder's name: one person matches, and their devices are listed. An address carrying the
            // name (a bookmark) is sent on to one naming the kept search by its id.
            browser.open(system.consolePage("/devices?holder=Employee+" + holder.districtId()));
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("search="));
            assertThat(browser.currentUrl()).doesNotContain("Employee").doesNotContain(holder.districtId());
            assertThat(browser.find(By.id("holder-found")).getText()).contains(holderName);
            assertThat(browser.find(By.id("devices")).getText()).contains(laptop.assetTag());
            String family = "Lee" + system.id("F").replace("-", "");
            registerPerson(system.id("E"), "Jordan", family);
            registerPerson(system.id("E"), "Jamie", family);
            // Typed into the filter form: the name goes in the form's body, never into the list's address.
            browser.open(system.consolePage("/devices"));
            browser.fill("holder", family);
            browser.find(By.cssSelector("form[role=search] button[type=submit]"))
                    .click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("search="));
            assertThat(browser.currentUrl()).as("the list's address").doesNotContain(family);
            assertThat(browser.find(By.id("holder-choices")).getText())
                    .as("several people match: each is offered")
                    .contains("Jordan " + family)
                    .contains("Jamie " + family);
            Axe.assertAccessible(browser, "console-devices-holder-choices-desktop");
            // Chosen by a posted form too: the list's address never names the person, not even by district id.
            browser.find(By.xpath("//button[normalize-space()='Jamie " + family + "']"))
                    .click();
            await().atMost(PAGE).until(() -> browser.driver()
                    .findElements(By.id("holder-choices"))
                    .isEmpty());
            assertThat(browser.currentUrl()).contains("search=").doesNotContain(family);
            assertThat(browser.find(By.id("holder-found")).getText()).contains("Jamie " + family);
            assertThat(browser.find(By.id("no-devices")).getText()).contains("No device matches");
            // A search id that is not this person's, or has expired: no devices, no export of everything.
            browser.open(system.consolePage("/devices?search=" + UUID.randomUUID()));
            assertThat(browser.find(By.id("search-ended")).getText()).contains("Search again");
            assertThat(browser.driver().findElements(By.id("devices"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("a[download]")))
                    .isEmpty();
            browser.open(system.consolePage("/devices/" + laptop.id()));
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/" + laptop.id()));
            assertThat(moveButtons(browser))
                    .as("a device that holds sensitive data comes back only into quarantine")
                    .contains("Take back", "Mark lost", "Mark stolen")
                    .doesNotContain("Assign to a person", "Put back in stock");

            browser.find(By.id("move-return-quarantined")).click();
            assertThat(browser.find(By.id("names-device")).getText())
                    .contains(laptop.assetTag())
                    .contains(holderName);
            browser.find(By.id("confirm")).click();
            browser.awaitElement("device-moved");
            assertThat(browser.find(By.tagName("h1")).getText()).contains("Quarantined");
            assertThat(moveButtons(browser))
                    .contains("Record sanitization")
                    .doesNotContain("Put back in stock", "Take back");
            assertThat(district.inventoryDevice(laptop).get("status").asText()).isEqualTo("QUARANTINED");

            // The agent's credential: issued on a page that shows it once, then revoked.
            assertThat(browser.find(By.id("credential-status")).getText()).startsWith("None");
            browser.find(By.id("issue-credential")).click();
            assertThat(browser.find(By.id("names-device")).getText()).contains(laptop.assetTag());
            browser.find(By.id("confirm")).click();
            String secret = browser.find(By.id("credential")).getText().trim();
            assertThat(secret).isNotBlank();
            Axe.assertAccessible(browser, "console-credential-issued-desktop");
            browser.open(system.consolePage("/devices/" + laptop.id()));
            assertThat(browser.find(By.id("credential-status")).getText())
                    .startsWith("Issued")
                    .contains("by Alex Technician")
                    .doesNotContain(secret);
            assertThat(browser.driver().getPageSource()).doesNotContain(secret);
            Axe.assertAccessible(browser, "console-device-moves-desktop");

            browser.find(By.id("revoke-credential")).click();
            browser.find(By.id("confirm")).click();
            browser.awaitElement("credential-revoked");
            assertThat(browser.find(By.id("credential-status")).getText()).startsWith("None");
            // The confirmation is shown once: a reload shows the device without it.
            browser.driver().navigate().refresh();
            assertThat(browser.find(By.id("credential-status")).getText()).startsWith("None");
            assertThat(browser.driver().findElements(By.id("credential-revoked")))
                    .isEmpty();
            // A link cannot make the page confirm what did not happen: a wipe sent, a move, a registration.
            browser.open(system.consolePage("/devices/" + laptop.id()
                    + "?sent=WIPE&revoked=1&moved=LOST&registered=1&replacement=" + laptop.id()));
            assertThat(browser.find(By.id("credential-status")).getText()).startsWith("None");
            for (String notice : List.of(
                    "command-sent", "credential-revoked", "device-moved", "device-registered", "replacement-issued")) {
                assertThat(browser.driver().findElements(By.id(notice)))
                        .as(notice)
                        .isEmpty();
            }

            // A POST that carries no form carries no form token either: refused, even from the console's own page.
            for (String init : new String[] {
                "{method: 'POST'}", "{method: 'POST', body: 'x', headers: {'Content-Type': 'text/plain'}}"
            }) {
                Object forged = ((JavascriptExecutor) browser.driver())
                        .executeAsyncScript("const done = arguments[arguments.length - 1];"
                                + "fetch('/devices/" + laptop.id() + "/credential', " + init + ")"
                                + ".then(r => done(r.status), e => done('error ' + e));");
                assertThat(forged)
                        .as("a credential asked for without a form: %s", init)
                        .isEqualTo(400L);
            }
            browser.open(system.consolePage("/devices/" + laptop.id()));
            assertThat(browser.find(By.id("credential-status")).getText()).startsWith("None");

            // Or a one-time code for the district agent, shown once, which the agent exchanges for a credential.
            Axe.assertAccessible(browser, "console-device-credential-desktop", "credential-heading");
            browser.find(By.id("enrolment-code")).click();
            String code = browser.find(By.id("enrolment-code-value")).getText().trim();
            assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
            Axe.assertAccessible(browser, "console-enrolment-code-desktop");
            Http.Reply enrolled = Http.post(system.checkin("/api/v1/enrolments"), null, Map.of("code", code));
            assertThat(enrolled.status()).isEqualTo(201);
            assertThat(Http.post(system.checkin("/api/v1/enrolments"), null, Map.of("code", code))
                            .status())
                    .as("a code works once")
                    .isEqualTo(409);
            browser.open(system.consolePage("/devices/" + laptop.id()));
            assertThat(browser.find(By.id("credential-status")).getText())
                    .startsWith("Issued")
                    .contains("by Alex Technician");
            assertThat(browser.driver().getPageSource()).doesNotContain(code);
            browser.find(By.id("revoke-credential")).click();
            browser.find(By.id("confirm")).click();
            browser.awaitElement("credential-revoked");

            // Sanitized, back in stock, then lost: each move's own fields, with the inventory's messages.
            browser.find(By.id("move-sanitize-in_stock")).click();
            browser.find(By.id("confirm")).click();
            browser.awaitErrorSummary("How it was sanitized must not be blank.");
            browser.fill("method", "NIST 800-88 purge");
            browser.find(By.id("confirm")).click();
            browser.awaitElement("device-moved");
            browser.find(By.id("move-change_status-lost")).click();
            Axe.assertAccessible(browser, "console-move-confirm-desktop");
            browser.find(By.id("confirm")).click();
            browser.awaitErrorSummary("Reason must not be blank.");
            browser.fill("reason", "Left on the bus");
            browser.find(By.id("confirm")).click();
            browser.awaitElement("device-moved");
            assertThat(browser.find(By.tagName("h1")).getText()).contains("Lost");
            assertThat(browser.find(By.id("history")).getText()).contains("Left on the bus");

            // Where it was seen: IT only, and the page says the view is recorded.
            browser.find(By.id("locations")).click();
            assertThat(browser.find(By.id("view-recorded")).getText()).contains("recorded");
            // The check-in service learns of the loss from the inventory's event a moment later.
            await().atMost(District.PROPAGATION).ignoreExceptions().until(() -> {
                browser.open(system.consolePage("/devices/" + laptop.id() + "/locations"));
                return browser.find(By.id("no-locations")).getText().contains("has not reported a location");
            });
            Axe.assertAccessible(browser, "console-locations-desktop");
        }
        JsonNode reads = Http.get(system.checkin("/api/v1/location-reads?device=" + laptop.id()), district.itToken())
                .json();
        assertThat(reads.toString()).as("the view of the locations is recorded").contains(district.itId);
        JsonNode credential = Http.get(
                        system.checkin("/api/v1/devices/" + laptop.id() + "/credential"), district.itToken())
                .json();
        assertThat(credential.get("issued").asBoolean()).isFalse();
    }

    @Test
    void itFindsAndLocksADeviceWithTheKeyboardAlone() {
        Device laptop = district.device("LAPTOP", false);

        try (Browser browser = new Browser(system, "console-keyboard", Browser.DESKTOP)) {
            browser.signInToConsole("/devices?q=" + laptop.assetTag(), district.itId, "IT_ADMIN");
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            assertThat(browser.driver().switchTo().activeElement().getText())
                    .as("the first Tab offers to skip to the content")
                    .isEqualTo("Skip to content");
            tabTo(browser, e -> laptop.assetTag().equals(e.getText().trim()), "the device's link");
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/" + laptop.id()));

            tabTo(browser, e -> "lock".equals(e.getAttribute("id")), "Lock");
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("/commands/new?type=LOCK"));
            tabTo(browser, e -> "reason".equals(e.getAttribute("id")), "the reason");
            new Actions(browser.driver()).sendKeys("Keyboard only").perform();
            tabTo(browser, e -> "confirm".equals(e.getAttribute("id")), "the confirmation");
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            browser.awaitElement("command-sent");
        }
        JsonNode sent = commands(laptop);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("reason").asText()).isEqualTo("Keyboard only");
    }

    @Test
    void aSupervisorSeesTheirTeamsDevicesByWhoHoldsThem() {
        Person supervisor = district.employee(null);
        Person report = district.employee(supervisor);
        Person outsider = district.employee(null);
        Device reportsLaptop = district.device("LAPTOP", false);
        Device outsidersLaptop = district.device("LAPTOP", false);
        district.assign(reportsLaptop, report);
        district.assign(outsidersLaptop, outsider);
        String reportName = "Pat Employee " + report.districtId();

        try (Browser browser = new Browser(system, "console-supervisor", Browser.PHONE)) {
            browser.signInToConsole("/devices", supervisor.districtId(), "SUPERVISOR");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("My team's devices");
            String devices = browser.find(By.id("devices")).getText();
            assertThat(devices)
                    .contains(reportsLaptop.assetTag())
                    .contains("Held by " + reportName)
                    .doesNotContain(outsidersLaptop.assetTag());
            Axe.assertAccessible(browser, "console-team-devices-phone");
            browser.find(By.linkText(reportsLaptop.assetTag())).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/" + reportsLaptop.id()));
            assertThat(browser.find(By.id("holder")).getText()).isEqualTo(reportName);
            assertThat(browser.find(By.id("report-loss")).getText())
                    .as("a supervisor may report their team's device")
                    .contains(reportsLaptop.assetTag());
            browser.open(system.consolePage("/devices/" + outsidersLaptop.id()));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");

            // Their person's own report: the supervisor reads it, but adding the police case number is the
            // reporter's (and IT's), so it is not offered, and its form is not there for them.
            awaitKnownToLossReports(reportsLaptop, report);
            Http.Reply filed = Http.post(
                    system.lossReport("/api/v1/loss-reports"),
                    report.staffToken(),
                    Http.JSON
                            .createObjectNode()
                            .put("assetTag", reportsLaptop.assetTag())
                            .put("kind", "STOLEN")
                            .put("policeNotified", false)
                            .put(
                                    "lastSeenAt",
                                    Instant.now().minus(2, ChronoUnit.HOURS).toString())
                            .put("lastSeenLocation", "Bus 12")
                            .put("circumstances", "Taken from a bag.")
                            .put("contactPhone", "+1 555 0100"));
            assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
            browser.open(system.consolePage("/my-reports"));
            assertThat(browser.find(By.id("my-reports")).getText()).contains(reportsLaptop.assetTag());
            assertThat(browser.driver().findElements(By.partialLinkText("Add the police case number")))
                    .isEmpty();
            Axe.assertAccessible(browser, "console-supervisor-reports-phone");
            browser.open(
                    system.consolePage("/my-reports/" + filed.json().get("id").asText() + "/police"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
        }
    }

    @Test
    void hrAddsAPersonByHandAndImportsPeopleWithTheInventorysMessages() throws Exception {
        Person existing = district.employee(null);
        String districtId = system.id("E");
        String importedId = system.id("E");
        Path csv = Files.createTempFile("people", ".csv");
        Files.writeString(
                csv,
                "districtId,givenName,familyName,kind,school\n"
                        + importedId + ",Sam,Rivera,EMPLOYEE," + system.school() + "\n"
                        + system.id("E") + ",Lee,Chen,ALIEN," + system.school() + "\n");

        try (Browser browser = new Browser(system, "console-hr-new-person", Browser.DESKTOP)) {
            browser.signInToConsole("/people", district.hrId, "HR");
            browser.find(By.id("new-person")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/people/new"));
            browser.find(By.id("register")).click();
            browser.awaitErrorSummary("District id must not be blank.");
            assertThat(browser.find(By.cssSelector(".error-summary")).getText())
                    .contains("Given name must not be blank.")
                    .contains("School must not be blank.");
            Axe.assertAccessible(browser, "console-new-person-errors-desktop");

            browser.fill("districtId", existing.districtId());
            browser.fill("givenName", "Robin");
            browser.fill("familyName", "Okafor");
            browser.fill("school", system.school());
            browser.find(By.id("register")).click();
            browser.awaitErrorSummary("Another person already has this district id.");
            assertThat(browser.find(By.id("givenName")).getAttribute("value")).isEqualTo("Robin");

            browser.fill("districtId", districtId);
            browser.find(By.id("register")).click();
            await().atMost(PAGE).until(() -> !browser.driver()
                    .findElements(By.id("person-registered"))
                    .isEmpty());
            assertThat(browser.find(By.id("person-registered")).getText()).contains("Robin Okafor is added.");

            // Many people at once: a CSV checked first, then saved without its refused row.
            browser.open(system.consolePage("/people"));
            browser.find(By.id("import-people")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/people/import"));
            Axe.assertAccessible(browser, "console-import-people-hr");
            browser.find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            browser.find(By.id("check")).click();
            await().atMost(PAGE).until(() -> !browser.driver()
                    .findElements(By.id("dry-run-note"))
                    .isEmpty());
            assertThat(browser.find(By.id("count-created")).getText()).isEqualTo("1");
            assertThat(browser.find(By.id("count-rejected")).getText()).isEqualTo("1");
            assertThat(browser.find(By.cssSelector("#rejected-rows tbody th")).getText())
                    .isEqualTo("3");
            assertThat(browser.find(By.cssSelector("#rejected-rows tbody td:last-child"))
                            .getText())
                    .contains("kind");
            browser.find(By.id("save-import")).click();
            await().atMost(PAGE).until(() -> !browser.driver()
                    .findElements(By.id("import-saved"))
                    .isEmpty());
            assertThat(browser.find(By.id("import-saved")).getText()).contains("1 added");
        } finally {
            Files.deleteIfExists(csv);
        }
        JsonNode imported = Http.get(system.inventory("/api/v1/people?q=" + importedId), district.itToken())
                .json()
                .get("items");
        assertThat(imported).hasSize(1);
        assertThat(imported.get(0).get("givenName").asText()).isEqualTo("Sam");
        JsonNode found = Http.get(system.inventory("/api/v1/people?q=" + districtId), district.itToken())
                .json()
                .get("items");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("familyName").asText()).isEqualTo("Okafor");
    }

    @Test
    void anAuditorSeesNoActionsAndAForgedActionIsRefused() {
        Device laptop = district.device("LAPTOP", false);
        awaitOverdue(laptop);

        try (Browser browser = new Browser(system, "console-auditor", Browser.DESKTOP)) {
            browser.signInToConsole("/devices/" + laptop.id(), district.auditorId, "AUDITOR");
            assertThat(browser.find(By.tagName("h1")).getText()).contains(laptop.assetTag());
            assertThat(browser.find(By.id("history")).getText()).contains("Registered");
            assertThat(browser.find(By.id("credential-status")).getText()).startsWith("None");
            assertThat(browser.driver().findElements(By.cssSelector("main button, main a.button, main form")))
                    .as("an auditor's device page has no action")
                    .isEmpty();
            Axe.assertAccessible(browser, "console-device-auditor");

            // The auditor writes the request the page does not offer, from the console's own origin, with a valid
            // form token: the console refuses it for the role.
            Object status = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "const token = document.querySelector('input[name=csrf-token]').value;"
                            + "fetch('/devices/" + laptop.id() + "/commands', {method: 'POST', body:"
                            + " new URLSearchParams({'csrf-token': token, type: 'WIPE', reason: 'forged',"
                            + " confirmTag: '" + laptop.assetTag() + "'})}).then(r => done(r.status),"
                            + " e => done('error ' + e));");
            assertThat(status).as("a forged action").isEqualTo(403L);
            assertThat(commands(laptop)).as("nothing was sent").isEmpty();
            Object moved = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "const token = document.querySelector('input[name=csrf-token]').value;"
                            + "fetch('/devices/" + laptop.id() + "/moves', {method: 'POST', body:"
                            + " new URLSearchParams({'csrf-token': token, operation: 'CHANGE_STATUS', to: 'RETIRED',"
                            + " reason: 'forged'})}).then(r => done(r.status), e => done('error ' + e));");
            assertThat(moved).as("a forged status change").isEqualTo(403L);
            assertThat(district.inventoryDevice(laptop).get("status").asText()).isEqualTo("IN_STOCK");

            browser.open(system.consolePage("/devices/" + laptop.id() + "/commands/new?type=LOCK"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
            Axe.assertAccessible(browser, "console-refused-auditor");
        }
    }

    @Test
    void aStaffMemberOnAPhoneSeesOnlyTheirOwnDevices() {
        Person staff = district.employee(null);
        Device own = district.device("LAPTOP", false);
        Device other = district.device("CHROMEBOOK", false);
        district.assign(own, staff);

        try (Browser browser = new Browser(system, "console-staff", Browser.PHONE)) {
            browser.signInToConsole("/", staff.districtId(), "STAFF");
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices"));
            assertThat(browser.viewportWidth())
                    .as("the page lays out at the phone's width")
                    .isLessThan(420L);
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("My devices");
            String devices = browser.find(By.id("devices")).getText();
            assertThat(devices).contains(own.assetTag()).doesNotContain(other.assetTag());
            assertThat(browser.find(By.cssSelector("header nav")).getText())
                    .as("staff navigation")
                    .doesNotContain("Loss reports")
                    .doesNotContain("Return tasks")
                    .doesNotContain("Home");
            long width = browser.pageWidth();
            assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(420L);
            Axe.assertAccessible(browser, "console-my-devices-phone");

            browser.open(system.consolePage("/loss-reports"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
            browser.open(system.consolePage("/devices/" + other.id()));
            assertThat(browser.find(By.tagName("h1")).getText())
                    .as("another's device does not exist for them")
                    .isEqualTo("Not found");
            Axe.assertAccessible(browser, "console-not-found-phone");

            // In Spanish: picked from the header, remembered for the next pages, with dates in Spanish too.
            browser.open(system.consolePage("/devices"));
            browser.find(By.id("language")).click();
            browser.awaitLanguage("es");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Mis dispositivos");
            assertThat(browser.find(By.id("devices")).getText())
                    .contains("Asignado")
                    .contains("Reportar " + own.assetTag() + " como perdido o robado");
            assertThat(browser.find(By.id("language")).getText()).isEqualTo("English");
            Axe.assertAccessible(browser, "console-my-devices-es-phone");
            browser.find(By.id("report-" + own.assetTag())).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/report-loss"));
            assertThat(browser.find(By.tagName("h1")).getText())
                    .isEqualTo("Reportar " + own.assetTag() + " como perdido o robado");
            browser.find(By.id("file-report")).click();
            browser.awaitErrorSummary("Indique si el dispositivo se perdió o se lo robaron.");
            assertThat(browser.find(By.cssSelector(".error-summary h2")).getText())
                    .isEqualTo("Hay un problema");
            Axe.assertAccessible(browser, "console-report-errors-es-phone");
            browser.open(system.consolePage("/devices/" + other.id()));
            assertThat(browser.find(By.tagName("h1")).getText())
                    .as("a page that cannot be shown speaks the person's language too")
                    .isEqualTo("No encontrado");
            Axe.assertAccessible(browser, "console-not-found-es-phone");
            browser.open(system.consolePage("/my-reports"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Mis reportes");
            browser.find(By.id("language")).click();
            browser.awaitLanguage("en");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("My reports");
        }
    }

    @Test
    void aStaffMemberReportsTheirLaptopFromMyDevicesOnAPhoneAndAddsTheCaseNumber() {
        Person supervisor = district.employee(null);
        Person staff = district.employee(supervisor);
        Device laptop = district.device("LAPTOP", false);
        district.assign(laptop, staff);
        awaitKnownToLossReports(laptop, staff);

        try (Browser browser = new Browser(system, "console-staff-report", Browser.PHONE)) {
            browser.signInToConsole("/devices", staff.districtId(), "STAFF");
            browser.find(By.id("report-" + laptop.assetTag())).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/report-loss"));
            assertThat(browser.find(By.id("names-device")).getText()).contains(laptop.serialNumber());
            Axe.assertAccessible(browser, "console-report-form-phone");
            // The longest form still fits the narrowest phone people use (320 CSS pixels), nothing cut off.
            browser.resize(new Dimension(320, 800));
            long narrow = browser.pageWidth();
            assertThat(narrow).as("the form at 320 px").isLessThanOrEqualTo(320L);
            Axe.assertAccessible(browser, "console-report-form-320");
            browser.resize(Browser.PHONE);

            browser.find(By.id("lastSeenLocation")).sendKeys("Room 114");
            browser.find(By.id("file-report")).click();
            await().atMost(PAGE).until(() -> !browser.driver()
                    .findElements(By.cssSelector(".error-summary"))
                    .isEmpty());
            String summary = browser.find(By.cssSelector(".error-summary")).getText();
            assertThat(summary)
                    .contains("Choose whether the device was lost or stolen.")
                    .contains("Enter the time you last had the device")
                    .contains("Say how it happened, in a few words.")
                    .contains("Enter a phone number IT can reach you on.")
                    .doesNotContain("Where you last had it");
            assertThat(browser.find(By.id("lastSeenLocation")).getAttribute("value"))
                    .as("values are kept")
                    .isEqualTo("Room 114");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
                    .contains("error-summary");
            Axe.assertAccessible(browser, "console-report-errors-phone");

            // Two hours ago on the district's clock, as the person reads it.
            ZonedDateTime seen = ZonedDateTime.now(ZoneId.of(DistrictSystem.ZONE))
                    .minusHours(2)
                    .truncatedTo(ChronoUnit.MINUTES);
            browser.find(By.id("kind-stolen")).click();
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "document.getElementById('lastSeenDate').value = arguments[0];"
                                    + "document.getElementById('lastSeenTime').value = arguments[1];",
                            seen.toLocalDate().toString(),
                            seen.toLocalTime().toString());
            browser.find(By.id("circumstances")).sendKeys("Left in my bag on the bus.");
            browser.find(By.id("contactPhone")).sendKeys("+1 555 0100");
            browser.find(By.id("file-report")).click();
            browser.awaitElement("report-filed");
            assertThat(browser.find(By.id("report-filed")).getText()).contains("is filed");
            String reports = browser.find(By.id("my-reports")).getText();
            assertThat(reports).contains(laptop.assetTag()).contains("Stolen").contains("case number is still needed");
            Axe.assertAccessible(browser, "console-my-reports-phone");

            JsonNode filed = Http.get(system.lossReport("/api/v1/loss-reports?limit=200"), staff.staffToken())
                    .json()
                    .get("items")
                    .get(0);
            assertThat(filed.get("kind").asText()).isEqualTo("STOLEN");
            assertThat(Instant.parse(filed.get("lastSeenAt").asText()))
                    .as("the local time, in the district's zone")
                    .isEqualTo(seen.toInstant());

            browser.find(By.partialLinkText("Add the police case number")).click();
            browser.find(By.id("policeAgency")).sendKeys("Metro Police");
            browser.find(By.id("policeCaseNumber")).sendKeys("2026-118822");
            browser.find(By.id("record-police")).click();
            browser.awaitElement("police-recorded");
            assertThat(browser.find(By.id("my-reports")).getText()).contains("Police case 2026-118822");
            Axe.assertAccessible(browser, "console-case-number-phone");

            // A link with a report number, or made-up text, where the notices' values once went: the page, without a
            // notice in the district's voice.
            browser.open(system.consolePage("/my-reports?filed=LR-2026-000042&recorded=Call%20IT%20at%20555-0100"));
            assertThat(browser.find(By.id("my-reports")).getText()).contains(laptop.assetTag());
            assertThat(browser.driver().findElements(By.id("report-filed"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("police-recorded"))).isEmpty();
            Axe.assertAccessible(browser, "console-my-reports-made-up-notice-phone");
        }
        String reportId = Http.get(system.lossReport("/api/v1/loss-reports?limit=200"), staff.staffToken())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();

        // IT works the report from the queue: who was told, then the write-off with what is owed.
        try (Browser browser = new Browser(system, "console-it-report", Browser.DESKTOP)) {
            browser.signInToConsole("/loss-reports", district.itId, "IT_ADMIN");
            browser.find(By.cssSelector("a[href='/loss-reports/" + reportId + "']"))
                    .click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/loss-reports/" + reportId));
            assertThat(browser.find(By.id("police")).getText()).contains("2026-118822");
            await().atMost(District.PROPAGATION).untilAsserted(() -> {
                browser.open(system.consolePage("/loss-reports/" + reportId));
                assertThat(browser.find(By.id("notifications")).getText())
                        .contains("District IT")
                        .contains("The supervisor")
                        .contains("Delivered");
            });
            Axe.assertAccessible(browser, "console-report-it");
            assertThat(browser.find(By.id("issue-replacement")).getAttribute("href"))
                    .as("IT may issue the holder a replacement from the report")
                    .endsWith("/devices/" + laptop.id() + "/replacement/new");

            browser.find(By.id("costOwed")).sendKeys("two hundred");
            browser.find(By.id("write-off")).click();
            assertThat(browser.find(By.cssSelector(".error-summary")).getText())
                    .contains("Enter the amount owed in dollars");
            Axe.assertAccessible(browser, "console-write-off-error-it");
            browser.find(By.id("costOwed")).clear();
            browser.find(By.id("costOwed")).sendKeys("250.00");
            browser.find(By.id("write-off")).click();
            browser.awaitElement("report-done");
            assertThat(browser.find(By.tagName("h1")).getText()).contains("Written off");
            assertThat(browser.driver().findElements(By.id("write-off")))
                    .as("a closed report has no action")
                    .isEmpty();
        }
    }

    @Test
    void hrOffboardsAPersonAndSeesTheReturnTasks() {
        Person leaving = district.employee(null);
        Device laptop = district.device("LAPTOP", false);
        district.assign(laptop, leaving);
        await().atMost(District.PROPAGATION).untilAsserted(() -> assertThat(Http.get(
                                system.checkin("/api/v1/devices/overdue?limit=200&assignee=" + leaving.districtId()),
                                district.itToken())
                        .text())
                .contains(laptop.assetTag()));
        String name = "Pat Employee " + leaving.districtId();

        try (Browser browser = new Browser(system, "console-hr", Browser.DESKTOP)) {
            // Searched by name: the page's address names the search by id, never by the name.
            browser.signInToConsole("/people?search=" + UUID.randomUUID(), district.hrId, "HR");
            assertThat(browser.find(By.id("search-ended")).getText())
                    .as("a search id that is not this person's, or has expired")
                    .contains("Search again");
            browser.fill("q", name);
            browser.find(By.cssSelector("form[role=search] button[type=submit]"))
                    .click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("/people?search="));
            String searched = browser.currentUrl();
            assertThat(searched).doesNotContain("Employee").doesNotContain(leaving.districtId());
            assertThat(browser.find(By.id("q")).getAttribute("value")).isEqualTo(name);
            try (Browser other = new Browser(system, "console-hr-search-of-another", Browser.DESKTOP)) {
                other.signInToConsole(searched.substring(searched.indexOf("/people")), district.itId, "IT_ADMIN");
                assertThat(other.find(By.id("search-ended")).getText())
                        .as("another person opening HR's search address")
                        .contains("Search again");
                assertThat(other.driver().findElements(By.id("people"))).isEmpty();
                assertThat(other.find(By.id("q")).getAttribute("value")).isEmpty();
                Axe.assertAccessible(other, "console-people-search-ended");
            }
            browser.find(By.linkText(name)).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/people/" + leaving.id()));
            assertThat(browser.find(By.id("aup")).getText()).startsWith("Acknowledged");
            Axe.assertAccessible(browser, "console-person-hr");

            browser.find(By.id("offboard")).click();
            assertThat(browser.find(By.id("names-person")).getText())
                    .contains(name)
                    .contains(leaving.districtId());
            Axe.assertAccessible(browser, "console-offboard-confirm-hr");
            // The form suggests today as the last working day: the tasks are due today, not yet overdue.
            assertThat(browser.find(By.id("lastWorkingDay")).getAttribute("value"))
                    .isEqualTo(DistrictSystem.today().toString());
            browser.find(By.id("confirm")).click();
            browser.awaitElement("offboarded");
            assertThat(browser.find(By.id("offboarded")).getText()).contains("One return task is open");
            assertThat(browser.find(By.id("tasks")).getText())
                    .contains(laptop.assetTag())
                    .contains("Open");
            Axe.assertAccessible(browser, "console-person-offboarded-hr");
        }

        // IT receives the laptop back: the return task is marked received on a page that names the device.
        try (Browser browser = new Browser(system, "console-it-returns", Browser.DESKTOP)) {
            browser.signInToConsole("/return-tasks?school=" + system.school(), district.itId, "IT_ADMIN");
            browser.find(By.linkText("Mark " + laptop.assetTag() + " received")).click();
            assertThat(browser.find(By.id("names-device")).getText())
                    .contains(laptop.assetTag())
                    .contains(name);
            Axe.assertAccessible(browser, "console-receive-confirm-it");
            browser.find(By.id("note")).sendKeys("Charger missing");
            browser.find(By.id("confirm")).click();
            browser.awaitElement("task-received");
            assertThat(browser.find(By.id("task-received")).getText()).contains(laptop.assetTag());
        }
        JsonNode tasks = Http.get(
                        system.checkin("/api/v1/return-tasks?status=RETURNED&person=" + leaving.id()),
                        district.itToken())
                .json()
                .get("items");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("note").asText()).isEqualTo("Charger missing");
    }

    @Test
    void itLendsALoanerFollowsTheLoanersAndIssuesAReplacementForALostLaptop() {
        LocalDate today = DistrictSystem.today();
        Person holder = district.employee(null);
        Person borrower = district.employee(null);
        String holderName = "Pat Employee " + holder.districtId();
        Device loaner = district.device("LAPTOP", false);
        Device late = district.device("CHROMEBOOK", false);
        Device lost = district.device("LAPTOP", false);
        Device spare = district.device("CHROMEBOOK", false);
        district.assign(lost, holder);
        Http.Reply markedLost = Http.post(
                system.inventory("/api/v1/devices/" + lost.id() + "/status"),
                district.itToken(),
                Map.of("status", "LOST", "reason", "Left on the bus"));
        assertThat(markedLost.status()).as(markedLost.toString()).isEqualTo(200);
        // A loaner lent a while ago: its due date is moved back three days, as the days would.
        Http.Reply lent = Http.post(
                system.inventory("/api/v1/devices/" + late.id() + "/assignment"),
                district.itToken(),
                Map.of("personDistrictId", borrower.districtId(), "dueOn", today.toString()));
        assertThat(lent.status()).as(lent.toString()).isEqualTo(200);
        system.inventoryDb.execute(
                "update assignment set due_on = due_on - 3 where device_id = ? and ended_at is null", late.id());
        system.inventoryDb.execute(
                "update device set assignment_due_on = assignment_due_on - 3 where id = ?", late.id());
        // HR announced ahead the day this person leaves.
        Person leaver = district.employee(null);
        LocalDate leavingOn = today.plusDays(30);
        ObjectNode leaving = Http.JSON
                .createObjectNode()
                .put("districtId", leaver.districtId())
                .put("givenName", "Pat")
                .put("familyName", "Employee " + leaver.districtId())
                .put("email", leaver.email())
                .put("kind", "EMPLOYEE")
                .put("school", system.school())
                .put("active", true)
                .put("departedOn", leavingOn.toString())
                .put("aupAcknowledgedOn", today.toString());
        Http.Reply announced = Http.put(system.inventory("/api/v1/people/" + leaver.id()), district.hrToken(), leaving);
        assertThat(announced.status()).as(announced.toString()).isEqualTo(200);

        LocalDate dueOn = today.plusDays(14);
        try (Browser browser = new Browser(system, "console-loaners", Browser.DESKTOP)) {
            // A loaner: assigned with the date it is due back; a date the inventory refuses is shown by its field.
            browser.signInToConsole("/devices/" + loaner.id(), district.itId, "IT_ADMIN");
            browser.find(By.id("move-assign-assigned")).click();
            browser.fill("personDistrictId", holder.districtId());
            browser.setDate("dueOn", today.minusDays(5));
            browser.find(By.id("confirm")).click();
            browser.awaitErrorSummary("Due back on must be from today to 366 days ahead.");
            assertThat(browser.find(By.id("dueOn-error")).getText()).contains("Due back on must be from today");
            assertThat(district.inventoryStatus(loaner)).isEqualTo("IN_STOCK");
            Axe.assertAccessible(browser, "console-assign-loaner-error-desktop");
            browser.setDate("dueOn", dueOn);
            browser.find(By.id("confirm")).click();
            browser.awaitElement("device-moved");
            assertThat(browser.find(By.id("due-back")).getText())
                    .isEqualTo("Due back on " + Browser.consoleDate(dueOn));
            assertThat(browser.find(By.id("assignments")).getText())
                    .as("who held it, with the due date")
                    .contains(holderName)
                    .contains(Browser.consoleDate(dueOn));
            assertThat(district.inventoryDevice(loaner).get("assignmentDueOn").asText())
                    .isEqualTo(dueOn.toString());
            Axe.assertAccessible(browser, "console-device-loaner-desktop", "assignments-heading");

            // The loaners, from the navigation: the overdue one first, then only the overdue ones.
            browser.find(By.linkText("Loaners")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/loaners"));
            browser.fill("school", system.school());
            browser.find(By.id("show-loaners")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("school="));
            String loans = browser.find(By.id("loaners")).getText();
            assertThat(loans)
                    .contains(loaner.assetTag())
                    .contains(holderName)
                    .contains(Browser.consoleDate(dueOn))
                    .contains("Pat Employee " + borrower.districtId())
                    .contains(Browser.consoleDate(today.minusDays(3)));
            assertThat(loans.indexOf(late.assetTag())).as("overdue first").isLessThan(loans.indexOf(loaner.assetTag()));
            assertThat(browser.find(By.xpath("//table[@id='loaners']//tr[.//a[text()='" + late.assetTag() + "']]"
                                    + "/td[last()]"))
                            .getText())
                    .isEqualTo("3");
            Axe.assertAccessible(browser, "console-loaners-desktop");
            browser.find(By.id("overdue")).click();
            browser.find(By.id("show-loaners")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("overdue=true"));
            assertThat(browser.find(By.id("loaners")).getText())
                    .contains(late.assetTag())
                    .doesNotContain(loaner.assetTag());
            assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Overdue loaners");
            browser.find(By.linkText(holderName.replace(holder.districtId(), borrower.districtId())))
                    .click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/people/" + borrower.id()));
            browser.open(system.consolePage("/?school=" + system.school()));
            browser.find(By.id("overdue-loaners")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("/devices/loaners?overdue=true"));
            assertThat(browser.find(By.id("loaners")).getText()).contains(late.assetTag());

            // The lost laptop's holder gets another device in one step; the inventory's refusal is shown by the field.
            browser.open(system.consolePage("/devices/" + lost.id()));
            browser.find(By.id("issue-replacement")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/replacement/new"));
            assertThat(browser.find(By.id("names-device")).getText())
                    .contains(lost.assetTag())
                    .contains(holderName);
            Axe.assertAccessible(browser, "console-replacement-desktop");
            browser.find(By.id("confirm")).click();
            browser.awaitErrorSummary("Enter the asset tag of the device");
            browser.fill("assetTag", loaner.assetTag());
            browser.find(By.id("confirm")).click();
            browser.awaitErrorSummary("Only IN_STOCK devices can be assigned");
            assertThat(browser.find(By.id("assetTag-error")).getText()).contains("Only IN_STOCK devices");
            assertThat(browser.find(By.id("assetTag")).getAttribute("value")).isEqualTo(loaner.assetTag());
            Axe.assertAccessible(browser, "console-replacement-error-desktop");
            browser.fill("assetTag", spare.assetTag());
            browser.setDate("dueOn", today.plusDays(7));
            browser.fill("note", "Until the laptop is found");
            browser.find(By.id("confirm")).click();
            browser.awaitElement("replacement-issued");
            assertThat(browser.find(By.id("replacement-issued")).getText())
                    .contains(spare.assetTag())
                    .contains(holderName)
                    .contains("as a loaner due back on " + Browser.consoleDate(today.plusDays(7)));
            assertThat(browser.find(By.id("history")).getText()).contains("Replacement issued");
            Axe.assertAccessible(browser, "console-replacement-issued-desktop");
            browser.find(By.linkText(spare.assetTag())).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/" + spare.id()));
            assertThat(browser.find(By.id("holder")).getText()).contains(holderName);
            assertThat(browser.find(By.id("due-back")).getText())
                    .isEqualTo("Due back on " + Browser.consoleDate(today.plusDays(7)));

            // The check-in service follows the loaner up: its return task says why, and how often it was escalated.
            await().atMost(District.PROPAGATION).ignoreExceptions().untilAsserted(() -> {
                browser.open(system.consolePage("/return-tasks?school=" + system.school()));
                WebElement row = browser.driver()
                        .findElement(
                                By.xpath("//table[@id='return-tasks']//tr[.//a[text()='" + loaner.assetTag() + "']]"));
                assertThat(row.getText()).contains("Loaner").contains(holderName);
                assertThat(row.findElement(By.xpath("td[@class='num']")).getText())
                        .isEqualTo("0");
            });
            Axe.assertAccessible(browser, "console-return-tasks-desktop");

            browser.open(system.consolePage("/people/" + leaver.id()));
            assertThat(browser.find(By.id("leaving")).getText())
                    .contains("Leaving on " + Browser.consoleDate(leavingOn));
            Axe.assertAccessible(browser, "console-person-leaving-desktop");
        }
        JsonNode replaced = district.inventoryDevice(spare);
        assertThat(replaced.get("assignee").get("districtId").asText()).isEqualTo(holder.districtId());
        assertThat(replaced.get("assignmentDueOn").asText())
                .isEqualTo(today.plusDays(7).toString());

        // An auditor reads the loaners and the lost laptop, with no action, and a forged replacement is refused.
        try (Browser browser = new Browser(system, "console-loaners-auditor", Browser.PHONE)) {
            browser.signInToConsole("/devices/loaners?school=" + system.school(), district.auditorId, "AUDITOR");
            assertThat(browser.find(By.id("loaners")).getText())
                    .contains(loaner.assetTag())
                    .contains(holderName);
            Axe.assertAccessible(browser, "console-loaners-phone");
            browser.open(system.consolePage("/devices/" + lost.id()));
            assertThat(browser.find(By.tagName("h1")).getText()).contains("Lost");
            assertThat(browser.driver().findElements(By.cssSelector("main button, main a.button, main form")))
                    .as("an auditor's page has no action")
                    .isEmpty();
            Object status = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "const token = document.querySelector('input[name=csrf-token]').value;"
                            + "fetch('/devices/" + lost.id() + "/replacement', {method: 'POST', body:"
                            + " new URLSearchParams({'csrf-token': token, assetTag: '" + loaner.assetTag() + "'})})"
                            + ".then(r => done(r.status), e => done('error ' + e));");
            assertThat(status).as("a forged replacement").isEqualTo(403L);
        }
    }

    @Test
    void itChargesTheHolderOfADamagedLaptopRecordsAPaymentAndWaivesTheRest() {
        Person holder = district.employee(null);
        Device laptop = district.device("LAPTOP", false);
        district.assign(laptop, holder);
        String holderName = "Pat Employee " + holder.districtId();
        String receipt = system.id("R");

        try (Browser browser = new Browser(system, "console-charges", Browser.DESKTOP)) {
            // A charge from the device's page: its holder is filled in, what is missing is named by its field.
            browser.signInToConsole("/devices/" + laptop.id(), district.itId, "IT_ADMIN");
            assertThat(browser.find(By.id("no-device-charges")).getText()).contains("No one has been charged");
            browser.find(By.id("record-charge")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/" + laptop.id() + "/charges/new"));
            assertThat(browser.find(By.id("person")).getAttribute("value")).isEqualTo(holder.districtId());
            assertThat(browser.find(By.id("person-hint")).getText()).contains(holderName);
            assertThat(browser.find(By.id("reason-damage")).isSelected()).isTrue();
            browser.find(By.id("save-charge")).click();
            browser.awaitErrorSummary("Enter the amount owed");
            assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("Say what the charge is for");
            Axe.assertAccessible(browser, "console-record-charge-errors-desktop");
            browser.fill("amount", "120.00");
            browser.fill("description", "Cracked screen, replaced by the repair depot");
            browser.find(By.id("save-charge")).click();
            browser.awaitElement("charge-recorded");
            assertThat(browser.find(By.id("charge-recorded")).getText())
                    .contains("$120.00")
                    .contains(holderName);
            assertThat(browser.find(By.id("outstanding")).getText()).isEqualTo("$120.00");
            assertThat(browser.find(By.tagName("h1")).getText())
                    .contains(laptop.assetTag())
                    .contains("Open");
            String chargeId = browser.currentUrl().replaceAll(".*/devices/charges/([0-9a-f-]+).*", "$1");

            // A payment, then more than is left: the inventory's refusal is shown by the amount, the values kept.
            LocalDate paidOn = DistrictSystem.today();
            browser.fill("amount", "50.00");
            browser.setDate("paidOn", paidOn);
            browser.fill("reference", receipt);
            browser.find(By.id("record-payment")).click();
            browser.awaitElement("payment-recorded");
            assertThat(browser.find(By.id("payment-recorded")).getText()).contains("$70.00 is still outstanding");
            assertThat(browser.find(By.id("payments")).getText())
                    .contains("$50.00")
                    .contains(receipt)
                    .contains("Alex Technician");
            browser.fill("amount", "100.00");
            browser.setDate("paidOn", paidOn);
            browser.find(By.id("record-payment")).click();
            browser.awaitErrorSummary("At most 70.00 is outstanding");
            assertThat(browser.find(By.id("amount-error")).getText()).contains("At most 70.00 is outstanding");
            assertThat(browser.find(By.id("amount")).getAttribute("value")).isEqualTo("100.00");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
                    .contains("error-summary");
            Axe.assertAccessible(browser, "console-charge-refusal-desktop");

            // The rest waived: nothing is outstanding, and the charge takes nothing more.
            browser.fill("waiverAmount", "70.00");
            browser.fill("waiverReason", "Hardship, approved by the principal");
            browser.find(By.id("record-waiver")).click();
            browser.awaitElement("waiver-recorded");
            assertThat(browser.find(By.tagName("h1")).getText()).contains("Settled");
            assertThat(browser.find(By.id("outstanding")).getText()).isEqualTo("$0.00");
            assertThat(browser.find(By.id("waivers")).getText())
                    .contains("$70.00")
                    .contains("Hardship, approved by the principal")
                    .contains("Alex Technician");
            assertThat(browser.find(By.id("nothing-outstanding")).getText()).contains("Nothing is outstanding");
            assertThat(browser.driver().findElements(By.id("record-payment"))).isEmpty();
            Axe.assertAccessible(browser, "console-charge-settled-desktop");
            JsonNode charge = Http.get(system.inventory("/api/v1/charges/" + chargeId), district.itToken())
                    .json();
            assertThat(charge.get("status").asText()).isEqualTo("SETTLED");
            assertThat(charge.get("paid").decimalValue()).isEqualByComparingTo("50.00");
            assertThat(charge.get("waived").decimalValue()).isEqualByComparingTo("70.00");

            // The person's page: their balance and their charges.
            browser.find(By.linkText(holderName)).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/people/" + holder.id()));
            assertThat(browser.find(By.id("balance")).getText())
                    .contains("Charged\n$120.00")
                    .contains("Paid\n$50.00")
                    .contains("Waived\n$70.00")
                    .contains("Outstanding\n$0.00");
            assertThat(browser.find(By.id("person-charges")).getText())
                    .contains(laptop.assetTag())
                    .contains("Damage")
                    .contains("Settled");
            Axe.assertAccessible(browser, "console-person-charges-desktop", "charges-heading");

            // The list, from the navigation, filtered by the person; its CSV is the inventory's export of the same.
            browser.find(By.linkText("Charges")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/charges"));
            browser.fill("person", holder.districtId());
            browser.find(By.id("find-charges")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("person="));
            assertThat(browser.find(By.id("charges")).getText())
                    .contains(holderName)
                    .contains(laptop.assetTag())
                    .contains("$120.00")
                    .contains("Settled");
            assertThat(browser.find(By.id("balance")).getText()).contains("$120.00");
            Axe.assertAccessible(browser, "console-charges-desktop");
            Object csv = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch(document.getElementById('export-charges').getAttribute('href')).then(r =>"
                            + " r.text().then(t => done(r.status + ' ' + r.headers.get('content-type').split(';')[0]"
                            + " + '\\n' + t.replaceAll('\\r', ''))));");
            String expected = Http.get(
                            system.inventory("/api/v1/charges/export?personId=" + holder.id()), district.itToken())
                    .text();
            assertThat(expected).contains(laptop.assetTag());
            assertThat(String.valueOf(csv)).isEqualTo("200 text/csv\n" + expected.replace("\r", ""));
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("status"))).selectByValue("OPEN");
            browser.find(By.id("find-charges")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("status=OPEN"));
            assertThat(browser.find(By.id("no-charges")).getText()).contains("No charge matches");
            browser.fill("person", "NOBODY-" + holder.districtId());
            browser.find(By.id("find-charges")).click();
            browser.awaitErrorSummary("No one has the district id NOBODY-" + holder.districtId());
        }
    }

    @Test
    void aStaffMemberSeesTheirOwnChargesOnAPhoneInEnglishAndSpanish() {
        Person staff = district.employee(null);
        Person other = district.employee(null);
        Device own = district.device("CHROMEBOOK", false);
        Device others = district.device("LAPTOP", false);
        district.charge(staff, own, "80.00");
        String othersCharge = district.charge(other, others, "45.00");

        try (Browser browser = new Browser(system, "console-my-charges", Browser.PHONE)) {
            browser.signInToConsole("/devices", staff.districtId(), "STAFF");
            browser.find(By.linkText("My charges")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/my-charges"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("My charges");
            assertThat(browser.find(By.id("owed")).getText()).isEqualTo("You owe $80.00.");
            assertThat(browser.find(By.id("my-charges")).getText())
                    .contains(own.assetTag())
                    .contains("Damage")
                    .contains("Cracked screen")
                    .contains("Outstanding\n$80.00")
                    .doesNotContain(others.assetTag());
            assertThat(browser.driver().findElements(By.cssSelector("main button, main a.button, main form")))
                    .as("staff read their charges only")
                    .isEmpty();
            long width = browser.pageWidth();
            assertThat(width).isLessThanOrEqualTo(420L);
            Axe.assertAccessible(browser, "console-my-charges-phone");

            browser.find(By.id("language")).click();
            browser.awaitLanguage("es");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Mis cargos");
            assertThat(browser.find(By.id("owed")).getText()).isEqualTo("Debe $80.00.");
            assertThat(browser.find(By.id("my-charges")).getText())
                    .contains("Daño")
                    .contains("Abierto")
                    .contains("Pendiente");
            assertThat(browser.find(By.cssSelector("header nav")).getText()).contains("Mis cargos");
            Axe.assertAccessible(browser, "console-my-charges-es-phone");
            browser.find(By.id("language")).click();
            browser.awaitLanguage("en");

            browser.open(system.consolePage("/devices/charges"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
            browser.open(system.consolePage("/devices/charges/" + othersCharge));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        }
    }

    @Test
    void anAuditorReadsChargesWithoutActionsAndAForgedPaymentIsRefused() {
        Person person = district.employee(null);
        Device laptop = district.device("LAPTOP", false);
        String chargeId = district.charge(person, laptop, "60.00");
        String name = "Pat Employee " + person.districtId();

        try (Browser browser = new Browser(system, "console-charges-auditor", Browser.DESKTOP)) {
            browser.signInToConsole("/devices/charges/" + chargeId, district.auditorId, "AUDITOR");
            assertThat(browser.find(By.tagName("h1")).getText())
                    .contains(name)
                    .contains(laptop.assetTag())
                    .contains("Open");
            assertThat(browser.find(By.id("totals")).getText()).contains("$60.00");
            assertThat(browser.driver().findElements(By.cssSelector("main button, main a.button, main form")))
                    .as("an auditor's charge page has no action")
                    .isEmpty();
            Axe.assertAccessible(browser, "console-charge-auditor");

            Object paid = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "const token = document.querySelector('input[name=csrf-token]').value;"
                            + "fetch('/devices/charges/" + chargeId + "/payments', {method: 'POST', body:"
                            + " new URLSearchParams({'csrf-token': token, amount: '60.00', paidOn: '"
                            + DistrictSystem.today() + "'})}).then(r => done(r.status),"
                            + " e => done('error ' + e));");
            assertThat(paid).as("a forged payment").isEqualTo(403L);
            Object waived = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "const token = document.querySelector('input[name=csrf-token]').value;"
                            + "fetch('/devices/charges/" + chargeId + "/waivers', {method: 'POST', body:"
                            + " new URLSearchParams({'csrf-token': token, waiverAmount: '60.00', waiverReason:"
                            + " 'forged'})}).then(r => done(r.status), e => done('error ' + e));");
            assertThat(waived).as("a forged waiver").isEqualTo(403L);
            Object charged = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "const token = document.querySelector('input[name=csrf-token]').value;"
                            + "fetch('/devices/" + laptop.id() + "/charges', {method: 'POST', body:"
                            + " new URLSearchParams({'csrf-token': token, person: '" + person.districtId()
                            + "', reason: 'LOSS', amount: '10.00', description: 'forged'})})"
                            + ".then(r => done(r.status), e => done('error ' + e));");
            assertThat(charged).as("a forged charge").isEqualTo(403L);
            JsonNode charge = Http.get(system.inventory("/api/v1/charges/" + chargeId), district.itToken())
                    .json();
            assertThat(charge.get("paid").decimalValue()).isEqualByComparingTo("0");
            assertThat(charge.get("waived").decimalValue()).isEqualByComparingTo("0");
            assertThat(Http.get(system.inventory("/api/v1/charges?deviceId=" + laptop.id()), district.itToken())
                            .json()
                            .get("items"))
                    .hasSize(1);

            // The person's name opens their charges with their balance (auditors have no person pages).
            browser.find(By.linkText(name)).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("/devices/charges?person="));
            assertThat(browser.find(By.id("charges")).getText()).contains(laptop.assetTag());
            assertThat(browser.find(By.id("balance")).getText()).contains("Outstanding\n$60.00");
            Axe.assertAccessible(browser, "console-charges-auditor");
            browser.open(system.consolePage("/devices/" + laptop.id()));
            assertThat(browser.find(By.id("device-charges")).getText())
                    .contains(name)
                    .contains("$60.00");
            assertThat(browser.driver().findElements(By.cssSelector("main button, main a.button, main form")))
                    .as("an auditor's device page has no action")
                    .isEmpty();
            browser.open(system.consolePage("/devices/" + laptop.id() + "/charges/new"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        }
    }

    @Test
    void itSeesHowTheDeviceManagersSyncAndAddsADeviceOnlyGoogleAdminKnew() {
        // The system runs no device manager: the syncs and devices on the page are the ones written here.
        system.checkinDb.execute("delete from mdm_sync_run");
        system.checkinDb.execute("delete from mdm_device");
        Person staff = district.employee(null);
        String chromebookSerial = system.id("SNCB");
        String chromebookTag = system.id("CB");
        String laptopSerial = system.id("SNLT");

        try (Browser browser = new Browser(system, "console-device-managers", Browser.DESKTOP)) {
            // None turned on yet: the page says what turns them on.
            browser.signInToConsole("/", district.itId, "IT_ADMIN");
            browser.find(By.id("device-managers")).click();
            await().atMost(PAGE).until(() -> browser.currentUrl().endsWith("/devices/managers"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Device managers");
            assertThat(browser.find(By.id("no-device-manager")).getText())
                    .contains("No device manager is turned on")
                    .contains("GOOGLE_ADMIN_ENABLED")
                    .contains("INTUNE_ENABLED");
            assertThat(browser.find(By.id("no-unknown-devices")).getText()).startsWith("None");
            assertThat(browser.driver().findElements(By.id("sync-runs"))).isEmpty();
            Axe.assertAccessible(browser, "console-device-managers-empty-desktop");

            // Google Admin synced 12 minutes ago, then failed; Intune's last good sync is two hours old.
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant intuneGood = now.minus(Duration.ofMinutes(130));
            Instant googleGood = now.minus(Duration.ofMinutes(13));
            Instant googleFailed = now.minus(Duration.ofMinutes(5));
            syncRun("INTUNE", "FULL", "SUCCEEDED", intuneGood, intuneGood.plusSeconds(90), 240, 236, 1, 0, null);
            // It could not send one command: two of its entries, both syncing, report the same laptop.
            system.checkinDb.execute("update mdm_sync_run set commands_held = 1 where provider = 'INTUNE'");
            syncRun(
                    "GOOGLE_ADMIN",
                    "INCREMENTAL",
                    "SUCCEEDED",
                    googleGood,
                    googleGood.plusSeconds(60),
                    512,
                    498,
                    1,
                    3,
                    null);
            syncRun(
                    "GOOGLE_ADMIN",
                    "INCREMENTAL",
                    "FAILED",
                    googleFailed,
                    googleFailed.plusSeconds(30),
                    200,
                    200,
                    0,
                    1,
                    "Google Admin: gave up after 6 tries (HTTP 503)");
            unknownDevice(
                    "GOOGLE_ADMIN", chromebookSerial, chromebookTag, "ACTIVE", "/Students/" + system.school(), now);
            unknownDevice("INTUNE", laptopSerial, null, "MANAGED", null, now);

            browser.open(system.consolePage("/devices/managers"));
            assertThat(browser.find(By.id("manager-GOOGLE_ADMIN-last-good")).getText())
                    .as("the last good sync, how long ago and when in the district's zone")
                    .containsPattern("Last good sync 1[2-9] minutes ago")
                    .contains(Browser.consoleTime(googleGood.plusSeconds(60)))
                    .contains("512 devices listed, 498 check-ins, 1 not in inventory, 3 errors");
            assertThat(browser.find(By.id("manager-GOOGLE_ADMIN-failed")).getText())
                    .contains("The latest sync failed")
                    .contains(Browser.consoleTime(googleFailed))
                    .contains("Google Admin: gave up after 6 tries (HTTP 503)");
            assertThat(browser.driver().findElements(By.id("manager-GOOGLE_ADMIN-stale")))
                    .as("Google Admin synced within the hour")
                    .isEmpty();
            assertThat(browser.find(By.id("manager-INTUNE-last-good")).getText())
                    .contains("2 hours ago")
                    .contains(Browser.consoleTime(intuneGood.plusSeconds(90)));
            assertThat(browser.find(By.id("manager-INTUNE-stale")).getText()).contains("No good sync for over an hour");
            assertThat(browser.find(By.id("manager-INTUNE-held")).getText())
                    .startsWith("1 command not sent by the last good sync")
                    .contains("Remove the wrong entry from Intune");
            assertThat(browser.driver().findElements(By.id("manager-GOOGLE_ADMIN-held")))
                    .isEmpty();
            assertThat(browser.driver().findElements(By.id("manager-INTUNE-failed")))
                    .isEmpty();
            List<WebElement> runs = browser.driver().findElements(By.cssSelector("#sync-runs tbody tr"));
            assertThat(runs).hasSize(3);
            assertThat(runs.get(0).getText())
                    .as("newest first")
                    .startsWith("Google Admin Incremental Failed " + Browser.consoleTime(googleFailed))
                    .contains("Google Admin: gave up after 6 tries (HTTP 503)");
            assertThat(runs.get(2).getText())
                    .startsWith("Intune Full Succeeded " + Browser.consoleTime(intuneGood))
                    .contains(Browser.consoleTime(intuneGood.plusSeconds(90)))
                    .contains("1 held");
            String unknown = browser.find(By.id("unknown-devices")).getText();
            assertThat(unknown)
                    .contains(chromebookSerial)
                    .contains(chromebookTag)
                    .contains("/Students/" + system.school())
                    .contains(laptopSerial)
                    .contains("Intune");
            Axe.assertAccessible(browser, "console-device-managers-desktop", "unknown-heading");
            browser.resize(Browser.PHONE);
            assertThat(browser.pageWidth())
                    .as("IT's page at a phone's width: the tables scroll in their own regions")
                    .isLessThanOrEqualTo(420L);
            browser.resize(Browser.DESKTOP);

            // The Chromebook only Google Admin knew: the registration form comes filled in with what it knows.
            browser.find(By.xpath("//table[@id='unknown-devices']//tr[th[text()='" + chromebookSerial + "']]//a"))
                    .click();
            await().atMost(PAGE).until(() -> browser.currentUrl().contains("/devices/new?"));
            assertThat(browser.find(By.id("assetTag")).getAttribute("value")).isEqualTo(chromebookTag);
            assertThat(browser.find(By.id("serialNumber")).getAttribute("value"))
                    .isEqualTo(chromebookSerial);
            assertThat(browser.find(By.id("type")).getAttribute("value")).isEqualTo("CHROMEBOOK");
            browser.fill("make", "Acer");
            browser.fill("model", "Chromebook 314");
            browser.fill("school", system.school());
            browser.fill("acquiredOn", "08/15/2026");
            browser.fill("cost", "289.00");
            browser.fill("vendor", "CDW");
            browser.fill("purchaseOrder", "PO-" + chromebookTag);
            browser.find(By.id("register")).click();
            browser.awaitElement("device-registered");
            JsonNode added = Http.get(system.inventory("/api/v1/devices?q=" + chromebookTag), district.itToken())
                    .json()
                    .get("items")
                    .get(0);
            assertThat(added.get("serialNumber").asText()).isEqualTo(chromebookSerial);
            assertThat(added.get("type").asText()).isEqualTo("CHROMEBOOK");
        }

        // An auditor reads the same page on a phone, with no action.
        try (Browser browser = new Browser(system, "console-device-managers-auditor", Browser.PHONE)) {
            browser.signInToConsole("/devices/managers", district.auditorId, "AUDITOR");
            assertThat(browser.find(By.id("manager-GOOGLE_ADMIN-failed")).getText())
                    .contains("HTTP 503");
            assertThat(browser.find(By.id("unknown-devices")).getText()).contains(laptopSerial);
            assertThat(browser.driver().findElements(By.cssSelector("main a[href^='/devices/new']")))
                    .as("an auditor adds no device")
                    .isEmpty();
            long width = browser.pageWidth();
            assertThat(width)
                    .as("nothing wider than the phone: the tables scroll in their own regions")
                    .isLessThanOrEqualTo(420L);
            Axe.assertAccessible(browser, "console-device-managers-phone");
        }

        // Staff and HR have no such page.
        try (Browser browser = new Browser(system, "console-device-managers-staff", Browser.PHONE)) {
            browser.signInToConsole("/devices", staff.districtId(), "STAFF");
            browser.open(system.consolePage("/devices/managers"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        }
        try (Browser browser = new Browser(system, "console-device-managers-hr", Browser.DESKTOP)) {
            browser.signInToConsole("/people", district.hrId, "HR");
            browser.open(system.consolePage("/devices/managers"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Presses Tab until the focused element is the one looked for, as a keyboard user moves through a page; each
     * element reached shows that it has the focus.
     */
    private static void tabTo(Browser browser, java.util.function.Predicate<WebElement> wanted, String what) {
        for (int i = 0; i < 80; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            if (wanted.test(focused)) {
                assertThat(focused.getCssValue("outline-style"))
                        .as("the focus on " + what + " is visible")
                        .isNotEqualTo("none");
                return;
            }
        }
        throw new AssertionError("Tab never reached " + what + " on " + browser.currentUrl());
    }

    /** The lifecycle buttons of a device page, by their words. */
    private static java.util.List<String> moveButtons(Browser browser) {
        return browser.driver().findElements(By.cssSelector("[id^=move-]")).stream()
                .map(e -> e.getText().trim())
                .toList();
    }

    private long devicesTagged(String assetTag) {
        return Http.get(system.inventory("/api/v1/devices?q=" + assetTag), district.itToken())
                .json()
                .get("items")
                .size();
    }

    /** The loss report service's read model knows the person and the device they hold. */
    private void awaitKnownToLossReports(Device device, Person holder) {
        await().atMost(District.PROPAGATION)
                .until(() -> system.lossReportDb.count(
                                "select count(*) from device_view d join person_view p on p.id = d.assignee_id"
                                        + " where d.id = ? and p.district_id = ?",
                                device.id(),
                                holder.districtId())
                        == 1);
    }

    private void awaitOverdue(Device device) {
        await().atMost(District.PROPAGATION).untilAsserted(() -> {
            Http.Reply reply = Http.get(
                    system.checkin("/api/v1/devices/overdue?limit=200&school=" + system.school()), district.itToken());
            assertThat(reply.text()).contains(device.assetTag());
        });
    }

    private JsonNode commands(Device device) {
        Http.Reply reply = Http.get(system.checkin("/api/v1/devices/" + device.id() + "/commands"), district.itToken());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private void registerPerson(String districtId, String givenName, String familyName) {
        ObjectNode body = Http.JSON
                .createObjectNode()
                .put("districtId", districtId)
                .put("givenName", givenName)
                .put("familyName", familyName)
                .put("email", districtId.toLowerCase(Locale.ROOT) + "@district.example")
                .put("kind", "EMPLOYEE")
                .put("school", system.school())
                .put("aupAcknowledgedOn", DistrictSystem.today().toString());
        Http.Reply created = Http.post(system.inventory("/api/v1/people"), district.itToken(), body);
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
    }

    /** A device manager's sync run, as the check-in service records one. */
    private void syncRun(
            String provider,
            String kind,
            String status,
            Instant startedAt,
            Instant finishedAt,
            int devicesSeen,
            int checkIns,
            int unknownDevices,
            int errors,
            String error) {
        system.checkinDb.execute(
                "insert into mdm_sync_run (provider, kind, status, started_at, finished_at, pages, devices_seen,"
                        + " check_ins, unknown_devices, vanished, commands_sent, errors, error)"
                        + " values (?, ?, ?, ?, ?, 1, ?, ?, ?, 0, 0, ?, ?)",
                provider,
                kind,
                status,
                java.sql.Timestamp.from(startedAt),
                java.sql.Timestamp.from(finishedAt),
                devicesSeen,
                checkIns,
                unknownDevices,
                errors,
                error);
    }

    /** A device a device manager lists that matches no device in inventory, as its sync records one. */
    private void unknownDevice(
            String provider, String serialNumber, String assetTag, String status, String orgUnit, Instant listedAt) {
        system.checkinDb.execute(
                "insert into mdm_device (provider, provider_device_id, serial_number, asset_tag, provider_status,"
                        + " last_sync_at, org_unit, first_seen_at, last_listed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                provider,
                system.id("MDM"),
                serialNumber,
                assetTag,
                status,
                java.sql.Timestamp.from(listedAt.minus(Duration.ofHours(2))),
                orgUnit,
                java.sql.Timestamp.from(listedAt.minus(Duration.ofDays(3))),
                java.sql.Timestamp.from(listedAt));
    }
}
