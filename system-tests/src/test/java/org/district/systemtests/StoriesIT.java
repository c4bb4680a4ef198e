package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.district.systemtests.District.Device;
import org.district.systemtests.District.Person;
import org.district.testing.Keycloak;
import org.district.testing.TestTokens;
import org.district.testing.WebSignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The issue's six stories, end to end, through the public APIs and pages only, each building on the one before: IT
 * registers and assigns; a staff member on a phone signs in at the district's sign-in page, reports a theft in the console and signs
 * out, in a real browser; the laptop checks in with its enrolment credential and is locked; IT records the recovery
 * and sanitizes it; HR offboards an employee; IT signs in to the console at a desktop, in a real browser.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoriesIT {

    private static final Duration MAIL = Duration.ofSeconds(60);
    /** Signing in or out: the provider and the service each answer a redirect or two. */
    private static final Duration SIGN_IN = Duration.ofSeconds(30);

    private static final String LATITUDE = "40.712776";
    private static final String LONGITUDE = "-74.005974";

    private DistrictSystem system;
    private District district;
    private Mailbox mailbox;

    // People and devices of the stories, registered in story 1.
    private String supervisorId;
    private String staffId;
    private String departingId;
    private String colleagueId;
    private Device laptop;
    private Device departingLaptop;
    private Device departingTablet;
    private Device departingPhone;
    private Device desktop;
    private Device chromebook;

    private String reportId;
    private String reportNumber;

    @BeforeAll
    void start() {
        system = DistrictSystem.current();
        district = new District(system);
        mailbox = new Mailbox(system.mail);
        supervisorId = system.id("SUP");
        staffId = system.id("STF");
        departingId = system.id("DEP");
        colleagueId = system.id("COL");
    }

    @Test
    @Order(1)
    void story1_itRegistersDevicesAndPeopleByCsvAndAssignsALaptop() {
        story(1, "IT imports people and devices from CSV files and assigns a laptop to a staff member");
        String today = DistrictSystem.today().toString();
        // The staff member's row comes before their supervisor's: the import saves the supervisor first.
        String people = "districtId,givenName,familyName,email,kind,school,supervisorDistrictId,active,departedOn,"
                + "aupAcknowledgedOn\n"
                + row(
                        staffId,
                        "Pat",
                        "Teacher",
                        email(staffId),
                        "EMPLOYEE",
                        system.school(),
                        supervisorId,
                        "true",
                        "",
                        today)
                + row(
                        departingId,
                        "Dana",
                        "Leaving",
                        email(departingId),
                        "EMPLOYEE",
                        system.school(),
                        supervisorId,
                        "true",
                        "",
                        today)
                + row(
                        colleagueId,
                        "Chris",
                        "Colleague",
                        email(colleagueId),
                        "EMPLOYEE",
                        system.school(),
                        supervisorId,
                        "true",
                        "",
                        today)
                + row(
                        supervisorId,
                        "Sam",
                        "Principal",
                        email(supervisorId),
                        "EMPLOYEE",
                        system.school(),
                        "",
                        "true",
                        "",
                        today);
        JsonNode peopleReport = importCsv("/api/v1/people/import", people);
        assertThat(peopleReport.get("created").asInt())
                .as(peopleReport.toString())
                .isEqualTo(4);
        assertThat(peopleReport.get("rejected").asInt()).isZero();

        String header = "assetTag,serialNumber,type,make,model,school,ownership,sensitiveData,acquisitionType,vendor,"
                + "purchaseOrder,cost,acquiredOn,donor,warrantyEnd,ownerDistrictId,notes\n";
        laptop = newDevice("LT");
        departingLaptop = newDevice("LT");
        departingTablet = newDevice("TB");
        departingPhone = newDevice("PH");
        desktop = newDevice("DT");
        chromebook = newDevice("CB");
        String devices = header
                + deviceRow(laptop, "LAPTOP", "DISTRICT", true, "")
                + deviceRow(departingLaptop, "LAPTOP", "DISTRICT", false, "")
                + deviceRow(departingTablet, "TABLET", "DISTRICT", true, "")
                + deviceRow(departingPhone, "SMARTPHONE", "PERSONAL", false, departingId)
                + deviceRow(desktop, "DESKTOP", "DISTRICT", false, "")
                + deviceRow(chromebook, "CHROMEBOOK", "DISTRICT", false, "");
        JsonNode deviceReport = importCsv("/api/v1/devices/import", devices);
        assertThat(deviceReport.get("created").asInt())
                .as(deviceReport.toString())
                .isEqualTo(6);
        assertThat(deviceReport.get("rejected").asInt()).isZero();

        // The import names devices by asset tag; find their ids the way IT would, by searching.
        laptop = lookUp(laptop);
        departingLaptop = lookUp(departingLaptop);
        departingTablet = lookUp(departingTablet);
        departingPhone = lookUp(departingPhone);
        desktop = lookUp(desktop);
        chromebook = lookUp(chromebook);

        Person staff = person(staffId);
        Person departing = person(departingId);
        Person colleague = person(colleagueId);
        JsonNode assigned = district.assign(laptop, staff);
        assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.at("/assignee/districtId").asText()).isEqualTo(staffId);
        district.assign(departingLaptop, departing);
        district.assign(departingTablet, departing);
        district.assign(chromebook, colleague);
        assertThat(district.inventoryStatus(departingPhone))
                .as("a personal device is registered to its owner")
                .isEqualTo("ASSIGNED");

        district.awaitReadModels(laptop, "ASSIGNED", staff);
        district.awaitReadModels(departingLaptop, "ASSIGNED", departing);
        district.awaitReadModels(departingTablet, "ASSIGNED", departing);
        district.awaitReadModels(chromebook, "ASSIGNED", colleague);
        district.awaitReadModels(desktop, "IN_STOCK", null);
        step("laptop " + laptop.assetTag() + " assigned to " + staffId + "; loss-report and checkin know it");
    }

    @Test
    @Order(2)
    void story2_staffSignsInOnAPhoneReportsTheLaptopStolenAndSignsOut() {
        story(
                2,
                "On a phone, the staff member opens the old report form's address, lands in the console, signs in at"
                        + " the district's sign-in page, reports the laptop stolen from \"My devices\" and signs out");
        String username = Keycloak.user(staffId, "STAFF");
        Set<Cookie> whileSignedIn;
        try (Browser browser = new Browser(system, "staff-phone", Browser.PHONE)) {
            // A bookmark of the form loss-report-service once served leads into the console, which asks for sign-in.
            browser.open(system.lossReportPage("/report-loss"));
            await().atMost(SIGN_IN).until(browser::onSignInPage);
            assertThat(browser.viewportWidth())
                    .as("the page is laid out for the phone")
                    .isBetween(360L, 390L);
            assertThat(browser.pageSource())
                    .as("nothing of the staff member's devices before signing in")
                    .doesNotContain(laptop.assetTag());
            browser.screenshot("story2-sign-in-page");
            browser.signInAtProvider(username, Keycloak.TEST_PASSWORD);
            await().atMost(SIGN_IN).until(() -> browser.currentUrl().startsWith(system.consolePage("/devices")));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("My devices");
            assertThat(browser.find(By.id("devices")).getText()).contains(laptop.assetTag());

            browser.find(By.id("report-" + laptop.assetTag())).click();
            await().atMost(Browser.PAGE).until(() -> browser.currentUrl().endsWith("/report-loss"));
            browser.find(By.id("kind-stolen")).click();
            // Two hours ago on the district's clock, as the person reads it.
            ZonedDateTime seen = ZonedDateTime.now(ZoneId.of(DistrictSystem.ZONE))
                    .minusHours(2)
                    .truncatedTo(ChronoUnit.MINUTES);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript(
                            "document.getElementById('lastSeenDate').value = arguments[0];"
                                    + "document.getElementById('lastSeenTime').value = arguments[1];",
                            seen.toLocalDate().toString(),
                            seen.toLocalTime().toString());
            browser.find(By.id("lastSeenLocation")).sendKeys("Bus stop on Main Street");
            browser.find(By.id("circumstances")).sendKeys("My bag was taken while I waited for the bus.");
            browser.find(By.id("contactPhone")).sendKeys("+1 555 0100");
            browser.find(By.id("police-yes")).click();
            browser.find(By.id("policeAgency")).sendKeys("Metro Police");
            browser.find(By.id("policeCaseNumber")).sendKeys("MP-" + system.run);
            browser.screenshot("story2-report-loss-form");
            browser.find(By.id("file-report")).click();

            browser.awaitElement("report-filed");
            assertThat(browser.find(By.id("report-filed")).getText()).contains("is filed");
            assertThat(browser.find(By.id("my-reports")).getText())
                    .contains(laptop.assetTag())
                    .contains("Stolen")
                    .contains("MP-" + system.run);
            browser.screenshot("story2-report-confirmation");
            whileSignedIn = browser.cookies();
            // On a shared computer the sign-in ends when the browser closes: the session cookie has no expiry.
            assertThat(whileSignedIn)
                    .filteredOn(c -> c.getName().startsWith("__Host-q_session"))
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.getExpiry()).as(c.getName()).isNull());

            // Signing out ends the session here and at the identity provider, and says so.
            browser.find(By.cssSelector("form[action='/sign-out'] button[type=submit]"))
                    .click();
            await().atMost(SIGN_IN).until(() -> browser.currentUrl().startsWith(system.consolePage("/signed-out")));
            assertThat(browser.pageText()).contains("You have signed out").doesNotContain(laptop.assetTag());
            browser.screenshot("story2-signed-out");

            // The back button asks for the reports page again: the sign-in page answers, not the report.
            browser.driver().navigate().back();
            await().atMost(SIGN_IN).until(browser::onSignInPage);
            assertThat(browser.pageSource()).doesNotContain(laptop.assetTag()).doesNotContain("MP-" + system.run);
            browser.screenshot("story2-back-after-sign-out");

            // So does the old form's address: the provider's session ended too, so it asks for the password.
            browser.open(system.lossReportPage("/report-loss"));
            await().atMost(SIGN_IN).until(browser::onSignInPage);
            assertThat(browser.pageSource()).doesNotContain(laptop.assetTag());
        }
        // A copy of the cookies the phone held while signed in opens nothing either.
        Http.Reply replayed = Http.call("GET", system.consolePage("/my-reports"))
                .header("Cookie", cookieHeader(whileSignedIn))
                .header("Accept", "text/html")
                .send();
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(302);
        assertThat(replayed.header("location")).startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth");
        assertThat(replayed.text()).doesNotContain(laptop.assetTag());
        step("signed out: the back button, the old form's address and a replayed cookie all get the sign-in page");

        reportId = Http.get(system.lossReport("/api/v1/loss-reports?limit=200"), TestTokens.token(staffId, "STAFF"))
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();
        JsonNode report = Http.get(system.lossReport("/api/v1/loss-reports/" + reportId), district.itToken())
                .json();
        reportNumber = report.get("reportNumber").asText();
        assertThat(report.get("kind").asText()).isEqualTo("STOLEN");
        assertThat(report.at("/police/caseNumber").asText()).isEqualTo("MP-" + system.run);
        step("report " + reportNumber + " filed; waiting for the emails and inventory");

        // IT and the supervisor each receive exactly one email about it.
        await().atMost(MAIL)
                .until(() -> !mailbox.to(system.itEmail, reportNumber).isEmpty()
                        && !mailbox.to(email(supervisorId), reportNumber).isEmpty());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(mailbox.to(system.itEmail, reportNumber)).hasSize(1);
            assertThat(mailbox.to(email(supervisorId), reportNumber)).hasSize(1);
        });
        Mailbox.Mail toIt = mailbox.to(system.itEmail, reportNumber).get(0);
        assertThat(toIt.body()).contains(laptop.assetTag()).contains("stolen");
        // Each message links to the report in the console, which opens for whoever follows the link what they may
        // see: IT the report, the supervisor the team member's device, the reporter their reports.
        String link = system.consolePage("/loss-reports/" + reportId);
        assertThat(toIt.body()).contains(link);
        assertThat(mailbox.to(email(supervisorId), reportNumber).get(0).body()).contains(link);
        assertThat(WebSignIn.as(link, district.itId, "IT_ADMIN").landedOn().getPath())
                .isEqualTo("/loss-reports/" + reportId);
        assertThat(WebSignIn.as(link, supervisorId, "SUPERVISOR").landedOn().getPath())
                .isEqualTo("/devices/" + laptop.id());
        assertThat(WebSignIn.as(link, staffId, "STAFF").landedOn().getPath()).isEqualTo("/my-reports");
        district.awaitInventoryStatus(laptop, "STOLEN");
        step("IT and the supervisor got one email each; inventory shows " + laptop.assetTag() + " STOLEN");
    }

    @Test
    @Order(3)
    void story3_theLaptopChecksInIsLockedAndItsLocationIsForItOnly() {
        story(3, "The stolen laptop checks in: it is told to LOCK, IT is alerted, its location is kept for IT");
        ObjectNode checkIn = checkInBody(DistrictSystem.today().minusDays(3));
        checkIn.putObject("location")
                .put("latitude", Double.parseDouble(LATITUDE))
                .put("longitude", Double.parseDouble(LONGITUDE))
                .put("accuracyMeters", 25);
        JsonNode[] reply = new JsonNode[1];
        // The LOCK is queued when checkin-service consumes the loss report; the device checks in until it is told.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Http.Reply answer = Http.postAs(
                            system.checkin("/api/v1/checkins"), district.deviceAuthorization(laptop), checkIn);
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                    reply[0] = answer.json();
                    assertThat(commandTypes(reply[0])).contains("LOCK");
                });
        JsonNode lock = commandOf(reply[0], "LOCK");
        assertThat(lock.get("message").asText()).contains("district");
        step("the laptop was told " + commandTypes(reply[0]));

        await().atMost(MAIL)
                .until(() -> !mailbox.to(system.itEmail, "Lost device seen on the network: " + laptop.assetTag())
                        .isEmpty());
        Mailbox.Mail alert = mailbox.to(system.itEmail, "Lost device seen on the network: " + laptop.assetTag())
                .get(0);
        assertThat(alert.body())
                .as("the alert names the site, never the coordinates")
                .contains("LINCOLN-HS")
                .doesNotContain(LATITUDE.substring(0, 6))
                .doesNotContain(LONGITUDE.substring(0, 7));

        Http.Reply forIt =
                Http.get(system.checkin("/api/v1/devices/" + laptop.id() + "/locations"), district.itToken());
        assertThat(forIt.status()).as(forIt.toString()).isEqualTo(200);
        JsonNode locations = forIt.json().get("locations");
        assertThat(locations).isNotEmpty();
        assertThat(locations.get(0).get("latitude").asDouble()).isEqualTo(Double.parseDouble(LATITUDE));
        for (String authorization : List.of(
                "Bearer " + district.auditorToken(),
                "Bearer " + district.hrToken(),
                "Bearer " + district(staffId).staffToken(),
                "Bearer " + district(supervisorId).supervisorToken(),
                district.deviceAuthorization(laptop))) {
            Http.Reply refused =
                    Http.getAs(system.checkin("/api/v1/devices/" + laptop.id() + "/locations"), authorization);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.text()).doesNotContain(LATITUDE.substring(0, 6));
        }
        Http.Reply reads =
                Http.get(system.checkin("/api/v1/location-reads?device=" + laptop.id()), district.auditorToken());
        assertThat(reads.json().get("items")).hasSize(1);
        assertThat(reads.json().at("/items/0/readBy").asText()).isEqualTo("IT_ADMIN:" + district.itId);
        step(
                "IT read the location (recorded for auditors); auditors, HR, staff, supervisors and the device were refused");
    }

    @Test
    @Order(4)
    void story4_itRecordsTheRecoveryQuarantinesSanitizesAndReassigns() {
        story(4, "IT records the recovery: quarantine, locations purged, sanitized, in stock and assignable again");
        Http.Reply recovered = Http.post(
                system.lossReport("/api/v1/loss-reports/" + reportId + "/recovery"),
                district.itToken(),
                Map.of("note", "Handed in at the bus depot."));
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        assertThat(recovered.json().get("status").asText()).isEqualTo("RECOVERED");

        district.awaitInventoryStatus(laptop, "QUARANTINED");
        await().atMost(District.PROPAGATION).untilAsserted(() -> assertThat(
                        system.checkinDb.count("select count(*) from device_location where device_id = ?", laptop.id()))
                .isZero());
        Http.Reply noLocations =
                Http.get(system.checkin("/api/v1/devices/" + laptop.id() + "/locations"), district.itToken());
        assertThat(noLocations.json().get("locations")).isEmpty();
        step("the laptop is QUARANTINED and its locations are purged");

        Http.Reply assignQuarantined = Http.post(
                system.inventory("/api/v1/devices/" + laptop.id() + "/assignment"),
                district.itToken(),
                Map.of("personDistrictId", colleagueId));
        assertThat(assignQuarantined.status())
                .as("a quarantined device cannot be assigned")
                .isEqualTo(409);

        Http.Reply sanitized = Http.post(
                system.inventory("/api/v1/devices/" + laptop.id() + "/sanitization"),
                district.itToken(),
                Map.of("method", "NIST 800-88 purge", "note", "Full disk wipe"));
        assertThat(sanitized.status()).as(sanitized.toString()).isEqualTo(200);
        assertThat(sanitized.json().get("status").asText()).isEqualTo("IN_STOCK");

        JsonNode reassigned = district.assign(laptop, district(colleagueId));
        assertThat(reassigned.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(reassigned.at("/assignee/districtId").asText()).isEqualTo(colleagueId);
        step("sanitized to IN_STOCK and assigned to " + colleagueId);
    }

    @Test
    @Order(5)
    void story5_hrOffboardsAnEmployeeAndTheReturnsAreFollowed() {
        story(5, "HR offboards an employee: return tasks for exactly their devices, one returned, one overdue");
        LocalDate today = DistrictSystem.today();
        Http.Reply offboarded = Http.post(
                system.checkin("/api/v1/offboardings"),
                district.hrToken(),
                Map.of("districtId", departingId, "lastWorkingDay", today.toString()));
        assertThat(offboarded.status()).as(offboarded.toString()).isEqualTo(201);
        JsonNode result = offboarded.json();
        assertThat(result.get("tasksOpened").asInt()).isEqualTo(2);
        Map<String, String> taskByDevice = new java.util.HashMap<>();
        for (JsonNode task : result.get("openTasks")) {
            taskByDevice.put(task.get("deviceId").asText(), task.get("id").asText());
        }
        assertThat(taskByDevice.keySet())
                .as("district devices assigned to the person, not their personal phone or anyone else's")
                .containsExactlyInAnyOrder(
                        departingLaptop.id().toString(), departingTablet.id().toString());
        step("return tasks opened for " + departingLaptop.assetTag() + " and " + departingTablet.assetTag());

        await().atMost(MAIL).untilAsserted(() -> {
            for (Device d : List.of(departingLaptop, departingTablet)) {
                assertThat(mailbox.to(email(departingId), d.assetTag()))
                        .as("employee told about " + d.assetTag())
                        .isNotEmpty();
                assertThat(mailbox.to(email(supervisorId), d.assetTag()))
                        .as("supervisor told about " + d.assetTag())
                        .isNotEmpty();
            }
        });
        // The only mail about the personal phone asks for its principal's approval (IT registered it in story 1).
        assertThat(mailbox.mentioning(departingPhone.assetTag()))
                .as("no return is asked of a personal device")
                .allSatisfy(m -> assertThat(m.subject()).startsWith("Approval requested: personal device"));

        String laptopTask = taskByDevice.get(departingLaptop.id().toString());
        String tabletTask = taskByDevice.get(departingTablet.id().toString());
        Http.Reply received = Http.post(
                system.checkin("/api/v1/return-tasks/" + laptopTask + "/returned"),
                district.itToken(),
                Map.of("note", "Received at the IT desk"));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.json().get("status").asText()).isEqualTo("RETURNED");
        district.awaitInventoryStatus(departingLaptop, "IN_STOCK");
        step("IT received " + departingLaptop.assetTag() + "; inventory has it IN_STOCK");

        // HR learns the employee's last day was yesterday: the tablet's return is now past due and escalates.
        Http.Reply corrected = Http.post(
                system.checkin("/api/v1/offboardings"),
                district.hrToken(),
                Map.of(
                        "districtId",
                        departingId,
                        "lastWorkingDay",
                        today.minusDays(1).toString()));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        assertThat(corrected.json().get("tasksOpened").asInt()).isZero();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode task = Http.get(system.checkin("/api/v1/return-tasks/" + tabletTask), district.hrToken())
                    .json();
            assertThat(task.get("status").asText()).isEqualTo("OVERDUE");
            assertThat(task.has("escalatedAt")).isTrue();
        });
        JsonNode laptopTaskNow = Http.get(system.checkin("/api/v1/return-tasks/" + laptopTask), district.hrToken())
                .json();
        assertThat(laptopTaskNow.get("status").asText()).isEqualTo("RETURNED");
        await().atMost(MAIL).untilAsserted(() -> assertThat(
                        mailbox.to(email(supervisorId), "Overdue device return: " + departingTablet.assetTag()))
                .hasSize(1));
        step(departingTablet.assetTag() + " is OVERDUE and the supervisor was told once");
    }

    @Test
    @Order(6)
    void story6_itSeesOverdueAndNonCompliantDevicesInTheConsole() {
        story(
                6,
                "IT opens the old dashboard's address in Chromium, lands in the console and sees the overdue and the"
                        + " non-compliant device and the overdue return");
        ObjectNode outdated = checkInBody(DistrictSystem.today().minusDays(200));
        Http.Reply checkedIn =
                Http.postAs(system.checkin("/api/v1/checkins"), district.deviceAuthorization(chromebook), outdated);
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        assertThat(checkedIn.json().get("compliant").asBoolean()).isFalse();
        assertThat(checkedIn.json().toString()).contains("PATCHES_TOO_OLD");

        try (Browser browser = new Browser(system, "it-desktop", Browser.DESKTOP)) {
            // A bookmark of the dashboard checkin-service once served leads to the console's home.
            browser.open(system.checkinPage("/dashboard"));
            await().atMost(SIGN_IN).until(browser::onSignInPage);
            browser.screenshot("story6-sign-in-page");
            browser.signInAtProvider(Keycloak.user(district.itId, "IT_ADMIN"), Keycloak.TEST_PASSWORD);
            await().atMost(SIGN_IN).until(() -> browser.currentUrl().equals(system.consolePage("/")));
            assertThat(browser.viewportWidth()).as("a desktop's width").isGreaterThan(1200L);
            browser.screenshot("story6-console-home");

            browser.open(system.consolePage("/?school=" + system.school()));
            browser.find(By.id("tile-non-compliant")).click();
            await().atMost(Browser.PAGE).until(() -> browser.currentUrl().contains("/devices/non-compliant"));
            assertThat(browser.find(By.id("non-compliant")).getText())
                    .as("non-compliant, with the reason")
                    .contains(chromebook.assetTag())
                    .contains("patch is older");

            browser.open(system.consolePage("/?school=" + system.school()));
            browser.find(By.id("tile-overdue")).click();
            await().atMost(Browser.PAGE).until(() -> browser.currentUrl().contains("/devices/overdue"));
            // The school's overdue list is longer than one page (the other suites register devices there too, all
            // equally overdue): the page lists overdue devices, and the list it is drawn from holds the desktop.
            assertThat(browser.find(By.id("overdue")).getText())
                    .as("overdue for check-in")
                    .isNotBlank();
            JsonNode overdueDesktops = Http.get(
                            system.checkin("/api/v1/devices/overdue?type=DESKTOP&school=" + system.school()),
                            district.itToken())
                    .json();
            assertThat(overdueDesktops.findValuesAsText("assetTag"))
                    .as("the desktop is overdue for check-in")
                    .contains(desktop.assetTag());

            browser.open(system.consolePage("/?school=" + system.school()));
            browser.find(By.id("tile-overdue-tasks")).click();
            await().atMost(Browser.PAGE).until(() -> browser.currentUrl().contains("/return-tasks"));
            assertThat(browser.find(By.id("return-tasks")).getText())
                    .as("overdue return task")
                    .contains(departingTablet.assetTag());
            assertThat(browser.pageSource())
                    .as("these pages never show a location")
                    .doesNotContain(LATITUDE.substring(0, 6));
            browser.screenshot("story6-overdue-return-tasks");

            browser.find(By.cssSelector("form[action='/sign-out'] button[type=submit]"))
                    .click();
            await().atMost(SIGN_IN).until(() -> browser.currentUrl().startsWith(system.consolePage("/signed-out")));
            assertThat(browser.pageText()).contains("You have signed out");
            browser.open(system.checkinPage("/dashboard"));
            await().atMost(SIGN_IN).until(browser::onSignInPage);
        }
        step("the console lists " + desktop.assetTag() + " as overdue, " + chromebook.assetTag()
                + " as non-compliant and " + departingTablet.assetTag() + "'s return as overdue");
    }

    // ---------------------------------------------------------------- helpers

    @Test
    @Order(7)
    void story7_theNightlyPeopleSyncDepartsSomeoneAndAHelpDeskLoanerIsFollowedAcrossServices() {
        story(
                7,
                "HR's people sync sets an employee inactive and their return task opens; the help desk lends a"
                        + " loaner, and its holder, signed in under a lower-case id, reports it lost");
        String today = DistrictSystem.today().toString();
        Person boss = person(supervisorId);
        Person leaver = district.employee(boss);
        Device leaversLaptop = district.device("LAPTOP", false);
        district.assign(leaversLaptop, leaver);
        district.awaitReadModels(leaversLaptop, "ASSIGNED", leaver);

        // The nightly sync (a people CSV) says the employee left today: no offboarding call from HR.
        JsonNode synced = importCsv(
                "/api/v1/people/import",
                "districtId,givenName,familyName,email,kind,school,supervisorDistrictId,active,departedOn,"
                        + "aupAcknowledgedOn\n"
                        + row(
                                leaver.districtId(),
                                "Pat",
                                "Employee " + leaver.districtId(),
                                leaver.email(),
                                "EMPLOYEE",
                                system.school(),
                                supervisorId,
                                "false",
                                "",
                                today));
        assertThat(synced.get("updated").asInt()).as(synced.toString()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode tasks = Http.get(system.checkin("/api/v1/return-tasks?person=" + leaver.id()), district.hrToken())
                    .json()
                    .get("items");
            assertThat(tasks).as("return tasks of " + leaver.districtId()).hasSize(1);
            assertThat(tasks.get(0).get("deviceId").asText())
                    .isEqualTo(leaversLaptop.id().toString());
            assertThat(tasks.get(0).get("dueOn").asText()).isEqualTo(today);
            assertThat(tasks.get(0).get("reason").asText()).isEqualTo("DEPARTURE");
        });
        await().atMost(MAIL).untilAsserted(() -> assertThat(
                        mailbox.to(leaver.email(), "Please return device " + leaversLaptop.assetTag()))
                .hasSize(1));
        step("the people sync opened the return task for " + leaversLaptop.assetTag() + " and told " + leaver.email());

        // The help desk lends a colleague a laptop for a week.
        Person borrower = district.employee(boss);
        Device loaner = district.device("LAPTOP", false);
        String dueOn = DistrictSystem.today().plusDays(7).toString();
        Http.Reply lent = Http.post(
                system.inventory("/api/v1/devices/" + loaner.id() + "/assignment"),
                district.itToken(),
                Map.of("personDistrictId", borrower.districtId(), "dueOn", dueOn, "note", "Help desk loaner"));
        assertThat(lent.status()).as(lent.toString()).isEqualTo(200);
        assertThat(lent.json().get("assignmentDueOn").asText()).isEqualTo(dueOn);
        district.awaitReadModels(loaner, "ASSIGNED", borrower);
        JsonNode loans = Http.get(system.inventory("/api/v1/loans"), district.auditorToken())
                .json();
        assertThat(loans.findValuesAsText("deviceId")).contains(loaner.id().toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode tasks = Http.get(
                            system.checkin("/api/v1/return-tasks?person=" + borrower.id()), district.hrToken())
                    .json()
                    .get("items");
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).get("reason").asText()).isEqualTo("LOAN");
            assertThat(tasks.get(0).get("dueOn").asText()).isEqualTo(dueOn);
        });
        step("loaner " + loaner.assetTag() + " is due back on " + dueOn + "; checkin-service follows it up");

        // The identity provider spells the borrower's id in lower case: every service still knows it is theirs.
        String lowerCase = TestTokens.token(borrower.districtId().toLowerCase(), "STAFF");
        Http.Reply mine = Http.get(system.inventory("/api/v1/devices/" + loaner.id()), lowerCase);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        Http.Reply reported = Http.post(
                system.lossReport("/api/v1/loss-reports"),
                lowerCase,
                Map.of(
                        "assetTag", loaner.assetTag(),
                        "kind", "LOST",
                        "lastSeenAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "lastSeenLocation", "Gym",
                        "circumstances", "Left in the gym after practice.",
                        "contactPhone", "+1 555 0100"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        assertThat(reported.json().get("reportedBy").asText()).isEqualTo(borrower.districtId());
        step(borrower.districtId().toLowerCase() + " reported the loaner lost: "
                + reported.json().get("reportNumber"));
    }

    @Test
    @Order(8)
    void story8_aTeacherBringsHerOwnLaptopThePrincipalApprovesItAndItLosesItsAccessWhenItBreaksTheBaseline() {
        story(
                8,
                "A teacher registers her own laptop, the principal of her school approves it, IT enrols it; it checks"
                        + " in unencrypted, and its access is removed and everyone told");
        Person owner = district.employee(person(supervisorId));
        Person principalRecord = district.employee(null);
        String principal = TestTokens.token(principalRecord.districtId(), "STAFF", "PRINCIPAL");
        String serial = system.id("OWN-SN");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", "LAPTOP");
        request.put("make", "Apple");
        request.put("model", "MacBook Air 13");
        request.put("serialNumber", serial);
        request.put("purpose", "Grading and lesson planning at home");
        request.put("lockAndLocateConsent", true);
        Http.Reply registered = Http.post(system.inventory("/api/v1/personal-devices"), owner.staffToken(), request);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().get("access").asText()).isEqualTo("PENDING");
        String id = registered.json().get("id").asText();
        String tag = registered.json().get("assetTag").asText();
        step(owner.districtId() + " registered her own laptop as " + tag + "; it waits for the principal");

        // Only the principal of her school (or IT) decides: not another staff member, not the owner herself.
        Person colleague = district.employee(null);
        Http.Reply notHers = Http.post(
                system.inventory("/api/v1/personal-devices/" + id + "/decision"),
                colleague.staffToken(),
                Map.of("decision", "APPROVE"));
        assertThat(notHers.status()).as(notHers.toString()).isIn(403, 404);
        Http.Reply queue = Http.get(system.inventory("/api/v1/personal-devices?status=PENDING"), principal);
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        assertThat(queue.json().findValuesAsText("id")).contains(id);
        Http.Reply approved = Http.post(
                system.inventory("/api/v1/personal-devices/" + id + "/decision"),
                principal,
                Map.of("decision", "APPROVE"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("access").asText()).isEqualTo("APPROVED");
        await().atMost(MAIL)
                .untilAsserted(() -> assertThat(mailbox.to(owner.email(), "Approved: your personal device " + tag))
                        .hasSize(1));
        step("the principal approved it until "
                + approved.json().get("expiresOn").asText() + "; the owner was told");

        // IT enrols it like a district laptop once checkin-service has the approval; it must meet the same baseline.
        Device laptop = new Device(UUID.fromString(id), tag, serial);
        String[] agent = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Reply issued =
                    Http.post(system.checkin("/api/v1/devices/" + id + "/credential"), district.itToken(), Map.of());
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            agent[0] = "Device " + issued.json().get("credential").asText();
        });
        ObjectNode unencrypted = checkInBody(DistrictSystem.today().minusDays(3));
        unencrypted.putObject("os").put("name", "macOS").put("version", "15.1").put("build", "24B83");
        unencrypted.put("diskEncryption", false);
        unencrypted
                .putObject("antivirus")
                .put("product", "XProtect")
                .put("definitionsDate", DistrictSystem.today().toString());
        Http.Reply checkedIn = Http.postAs(system.checkin("/api/v1/checkins"), agent[0], unencrypted);
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        step(laptop.assetTag() + " checked in with its disk unencrypted");

        // Past the grace period (none in this run), its access is removed once, everywhere, with the reason.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode standing = Http.get(system.inventory("/api/v1/personal-devices/" + id), owner.staffToken())
                    .json();
            assertThat(standing.get("access").asText()).as(standing.toString()).isEqualTo("REMOVED");
        });
        Http.Reply refused = Http.postAs(system.checkin("/api/v1/checkins"), agent[0], unencrypted);
        assertThat(refused.status()).as("its credential is revoked").isEqualTo(401);
        await().atMost(MAIL).untilAsserted(() -> {
            List<Mailbox.Mail> removed = mailbox.to(owner.email(), "Access removed: your personal device " + tag);
            assertThat(removed).hasSize(1);
            assertThat(removed.get(0).body()).containsIgnoringCase("encrypt");
        });
        step("its access was removed, its credential revoked, and the owner told why and how to get it back");
        Http.Reply history = Http.get(system.inventory("/api/v1/devices/" + id + "/history"), district.itToken());
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().toString()).contains("PERSONAL_ACCESS");
    }

    private JsonNode importCsv(String path, String csv) {
        Http.Reply reply = Http.call("POST", system.inventory(path))
                .token(district.itToken())
                .body("text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private Device newDevice(String kind) {
        String tag = system.id(kind);
        return new Device(null, tag, "SN" + tag);
    }

    private Device lookUp(Device d) {
        JsonNode page = Http.get(system.inventory("/api/v1/devices?q=" + d.assetTag()), district.itToken())
                .json();
        for (JsonNode item : page.get("items")) {
            if (item.get("assetTag").asText().equals(d.assetTag())) {
                return new Device(UUID.fromString(item.get("id").asText()), d.assetTag(), d.serialNumber());
            }
        }
        throw new AssertionError("Device " + d.assetTag() + " was not imported: " + page);
    }

    private Person person(String districtId) {
        JsonNode page = Http.get(system.inventory("/api/v1/people?q=" + districtId), district.itToken())
                .json();
        for (JsonNode item : page.get("items")) {
            if (item.get("districtId").asText().equals(districtId)) {
                return new Person(
                        UUID.fromString(item.get("id").asText()),
                        districtId,
                        item.get("email").asText());
            }
        }
        throw new AssertionError("Person " + districtId + " was not imported: " + page);
    }

    private Person district(String districtId) {
        return new Person(null, districtId, email(districtId));
    }

    private ObjectNode checkInBody(LocalDate lastPatch) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.putObject("os")
                .put("name", "ChromeOS")
                .put("version", "126.0.6478")
                .put("build", "15886.44.0");
        body.put("lastPatchDate", lastPatch.toString());
        body.put("diskEncryption", true);
        body.put("passwordProtection", true);
        body.putObject("network").put("site", "LINCOLN-HS").put("ipAddress", "10.20.30.40");
        return body;
    }

    private static List<String> commandTypes(JsonNode reply) {
        List<String> types = new ArrayList<>();
        reply.get("commands").forEach(c -> types.add(c.get("type").asText()));
        return types;
    }

    private static JsonNode commandOf(JsonNode reply, String type) {
        for (JsonNode c : reply.get("commands")) {
            if (c.get("type").asText().equals(type)) {
                return c;
            }
        }
        throw new AssertionError("no " + type + " in " + reply);
    }

    /** The browser's cookies as one Cookie header, the way a copy of them would be sent. */
    private static String cookieHeader(Set<Cookie> cookies) {
        StringBuilder header = new StringBuilder();
        for (Cookie c : cookies) {
            header.append(header.length() == 0 ? "" : "; ")
                    .append(c.getName())
                    .append('=')
                    .append(c.getValue());
        }
        return header.toString();
    }

    private static String email(String districtId) {
        return districtId.toLowerCase() + "@district.example";
    }

    private static String row(String... cells) {
        return String.join(",", cells) + "\n";
    }

    private String deviceRow(Device d, String type, String ownership, boolean sensitive, String owner) {
        boolean district = ownership.equals("DISTRICT");
        return row(
                d.assetTag(),
                d.serialNumber(),
                type,
                "Dell",
                "Model " + type.toLowerCase(),
                system.school(),
                ownership,
                Boolean.toString(sensitive),
                district ? "PURCHASED" : "",
                district ? "Dell" : "",
                district ? "PO-" + d.assetTag() : "",
                district ? "899.00" : "",
                district ? "2025-08-01" : "",
                "",
                "",
                owner,
                "");
    }

    private static void story(int number, String what) {
        DistrictSystem.log("Story " + number + ": " + what);
    }

    private static void step(String what) {
        DistrictSystem.log("  - " + what);
    }

    @SuppressWarnings("unused")
    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
