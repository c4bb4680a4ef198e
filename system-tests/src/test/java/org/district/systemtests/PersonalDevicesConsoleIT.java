package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Personal devices in the console, in headless Chromium, as the district's policy runs (docs/personal-devices.md): a
 * staff member registers their own phone on a phone, through the form and its messages; the principal of their school
 * finds it among the requests, is told in words that the owner's Acceptable Use Policy acknowledgement is not current,
 * and approves it once it is; the owner sees it approved; the principal of another school sees nothing of it; IT removes
 * its access with a reason after a confirmation, and the owner reads the removal and its reason, in English and
 * Spanish, and asks again. Every page in every state (empty, with errors, full) is checked with axe-core for WCAG 2.1
 * AA at a phone's and a laptop's width, and photographed.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDevicesConsoleIT {

    private static final Duration PAGE = Browser.PAGE;

    private DistrictSystem system;
    private District district;

    @BeforeAll
    void start() {
        system = DistrictSystem.current();
        district = new District(system);
        // IT is a person of the district too: pages name them, never by their id.
        registerPerson(district.itId, "Alex", "Technician", system.school(), true);
    }

    @Test
    void aStaffMembersOwnPhoneIsApprovedByTheirPrincipalAndItsAccessRemovedByIt() {
        // Schools of this test alone, so that the other suites' lists of the run's school never hold its devices.
        String school = system.school() + "-PD";
        String otherSchool = system.school() + "-PD2";
        String ownerId = system.id("E");
        String ownerName = "Robin Owner" + ownerId.replace("-", "");
        String principalId = system.id("P");
        String otherPrincipalId = system.id("P");
        // The owner has not acknowledged the Acceptable Use Policy yet: the principal cannot approve until they do.
        String ownerRecord = registerPerson(ownerId, "Robin", "Owner" + ownerId.replace("-", ""), school, false);
        registerPerson(principalId, "Morgan", "Principal" + principalId.replace("-", ""), school, true);
        registerPerson(otherPrincipalId, "Sam", "Principal" + otherPrincipalId.replace("-", ""), otherSchool, true);
        String serial = "SN" + system.id("PD").replace("-", "");
        String reason = "Used to share student records outside the district's tools (ticket 4411).";

        // ---- the owner registers their phone, on a phone
        try (Browser owner = new Browser(system, "personal-owner", Browser.PHONE)) {
            owner.signInToConsole("/personal-devices", ownerId, "STAFF");
            assertThat(owner.find(By.tagName("h1")).getText()).isEqualTo("My personal devices");
            assertThat(owner.find(By.cssSelector("header nav")).getText())
                    .contains("My personal devices")
                    .doesNotContain("Personal device requests");
            assertThat(owner.find(By.id("no-personal-devices")).getText())
                    .contains("not registered a device of your own");
            Axe.assertAccessible(owner, "console-my-personal-devices-empty-phone");

            owner.find(By.id("register-own-device")).click();
            await().atMost(PAGE).until(() -> owner.currentUrl().endsWith("/personal-devices/new"));
            assertThat(owner.find(By.id("lockAndLocateConsent-hint")).getText())
                    .as("the consent is explained in plain words")
                    .contains("never wipes");
            Axe.assertAccessible(owner, "console-register-own-device-phone");

            owner.find(By.id("register-device")).click();
            owner.awaitErrorSummary("Enter the make of the device");
            assertThat(owner.find(By.cssSelector(".error-summary")).getText())
                    .contains("Enter the model of the device")
                    .contains("Enter the serial number of the device")
                    .contains("Say what you will use the device for");
            assertThat(owner.driver().switchTo().activeElement().getAttribute("class"))
                    .as("the error summary takes focus")
                    .contains("error-summary");
            assertThat(owner.find(By.id("make")).getAttribute("aria-describedby"))
                    .contains("make-error");
            Axe.assertAccessible(owner, "console-register-own-device-errors-phone");

            new Select(owner.find(By.id("type"))).selectByValue("SMARTPHONE");
            owner.fill("make", "Samsung");
            owner.fill("model", "Galaxy S24");
            owner.fill("serialNumber", serial);
            owner.fill("purpose", "Two-factor sign-in and the attendance app in class.");
            owner.find(By.id("lockAndLocateConsent")).click();
            owner.find(By.id("register-device")).click();
            owner.awaitElement("personal-device-done");
            assertThat(owner.find(By.id("personal-device-done")).getText()).contains("is registered as your device");
            String card = owner.find(By.id("personal-devices")).getText();
            assertThat(card).contains("Samsung Galaxy S24").contains(serial).contains("Waiting for a decision");
            assertWithinPhone(owner);
            Axe.assertAccessible(owner, "console-my-personal-devices-phone");

            // The same serial number again: said at its field, in words.
            owner.open(system.consolePage("/personal-devices/new"));
            new Select(owner.find(By.id("type"))).selectByValue("SMARTPHONE");
            owner.fill("make", "Samsung");
            owner.fill("model", "Galaxy S24");
            owner.fill("serialNumber", serial);
            owner.fill("purpose", "The same phone again.");
            owner.find(By.id("register-device")).click();
            owner.awaitErrorSummary("already registered");
            assertThat(owner.find(By.id("serialNumber-error")).getText()).contains("already registered");
            assertThat(owner.find(By.id("purpose")).getAttribute("value")).isEqualTo("The same phone again.");
        }

        JsonNode registered = ownDevice(ownerId, serial);
        String deviceId = registered.get("id").asText();
        String assetTag = registered.get("assetTag").asText();
        assertThat(registered.get("access").asText()).isEqualTo("PENDING");
        assertThat(registered.get("school").asText()).isEqualTo(school);
        assertThat(registered.get("lockAndLocateConsent").asBoolean()).isTrue();
        assertThat(registered.get("type").asText()).isEqualTo("SMARTPHONE");
        Instant requestedAt = Instant.parse(registered.get("requestedAt").asText());

        // ---- the principal of another school sees nothing of it
        try (Browser other = new Browser(system, "personal-other-principal", Browser.DESKTOP)) {
            other.signInToConsole("/personal-devices/requests", otherPrincipalId, "PRINCIPAL", "STAFF");
            assertThat(other.find(By.tagName("h1")).getText()).isEqualTo("Personal device requests");
            assertThat(other.find(By.tagName("main")).getText())
                    .doesNotContain(ownerName)
                    .doesNotContain(serial);
            assertThat(other.find(By.id("no-requests")).getText()).contains("Nothing is waiting");
            other.open(system.consolePage("/personal-devices/" + deviceId));
            assertThat(other.find(By.tagName("h1")).getText())
                    .as("another school's device does not exist for them")
                    .isEqualTo("Not found");
        }

        // ---- the principal of the owner's school decides
        try (Browser principal = new Browser(system, "personal-principal", Browser.DESKTOP)) {
            principal.signInToConsole("/", principalId, "PRINCIPAL", "STAFF");
            assertThat(principal.find(By.cssSelector("header nav")).getText())
                    .contains("Personal device requests")
                    .contains("My personal devices");
            assertThat(principal.find(By.cssSelector("header .role")).getText()).contains("Principal");
            principal.find(By.linkText("Personal device requests")).click();
            await().atMost(PAGE).until(() -> principal.currentUrl().endsWith("/personal-devices/requests"));
            String request = principal.find(By.id("request-" + assetTag)).getText();
            assertThat(request)
                    .as("the owner by name, the device, its purpose and when it was asked for")
                    .contains(ownerName)
                    .contains("Samsung Galaxy S24")
                    .contains("Two-factor sign-in and the attendance app in class.")
                    .contains(Browser.consoleTime(requestedAt))
                    .doesNotContain(ownerId);
            Axe.assertAccessible(principal, "console-personal-device-requests-desktop");

            principal.find(By.id("decide-" + assetTag)).click();
            await().atMost(PAGE).until(() -> principal.currentUrl().endsWith("/personal-devices/" + deviceId));
            assertThat(principal.find(By.tagName("h1")).getText())
                    .contains(assetTag)
                    .contains("Waiting for a decision");
            assertThat(principal.find(By.id("owner")).getText()).isEqualTo(ownerName);
            Axe.assertAccessible(principal, "console-personal-device-decide-desktop");

            principal.find(By.id("refuse")).click();
            principal.awaitErrorSummary("Say why you refuse");
            Axe.assertAccessible(principal, "console-personal-device-refuse-error-desktop");

            principal.find(By.id("approve")).click();
            await().atMost(PAGE).ignoreExceptions().until(() -> principal
                    .find(By.id("aup-not-current"))
                    .getText()
                    .contains("has not acknowledged the Acceptable Use Policy"));
            assertThat(principal.find(By.id("aup-not-current")).getText())
                    .contains(ownerName)
                    .contains("keeps waiting");
            assertThat(principal.find(By.id("aup-not-current")).getAttribute("role"))
                    .isEqualTo("alert");
            Axe.assertAccessible(principal, "console-personal-device-aup-desktop");
            assertThat(ownDevice(ownerId, serial).get("access").asText())
                    .as("nothing is approved without a current acknowledgement")
                    .isEqualTo("PENDING");

            // The owner acknowledges the policy (as each member of staff does every year); the principal approves.
            Http.Reply acknowledged = Http.post(
                    system.inventory("/api/v1/people/" + ownerRecord + "/aup-acknowledgement"),
                    TestTokens.token(ownerId, "STAFF"),
                    Map.of());
            assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
            principal.open(system.consolePage("/personal-devices/" + deviceId));
            principal.find(By.id("approve")).click();
            principal.awaitElement("personal-device-done");
            assertThat(principal.find(By.id("personal-device-done")).getText()).contains("Approved until");
            assertThat(principal.find(By.id("access")).getText()).isEqualTo("Approved");
            assertThat(principal.driver().findElements(By.id("approve")))
                    .as("nothing is left to decide")
                    .isEmpty();
            Axe.assertAccessible(principal, "console-personal-device-approved-desktop");

            principal.open(system.consolePage("/personal-devices/requests"));
            assertThat(principal.find(By.tagName("main")).getText()).doesNotContain(serial);
        }
        JsonNode approved = ownDevice(ownerId, serial);
        assertThat(approved.get("access").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy").asText()).isEqualToIgnoringCase("PRINCIPAL:" + principalId);
        LocalDate expiresOn = LocalDate.parse(approved.get("expiresOn").asText());

        // ---- the owner sees it approved
        try (Browser owner = new Browser(system, "personal-owner-approved", Browser.PHONE)) {
            owner.signInToConsole("/personal-devices", ownerId, "STAFF");
            assertThat(owner.find(By.id("personal-device-" + assetTag)).getText())
                    .contains("Approved")
                    .contains("Approved until")
                    .contains(Browser.consoleDate(expiresOn));
            owner.find(By.linkText("Samsung Galaxy S24")).click();
            await().atMost(PAGE).until(() -> owner.currentUrl().endsWith("/personal-devices/" + deviceId));
            assertThat(owner.find(By.id("decided-by")).getText())
                    .as("who decided, by their role")
                    .startsWith("The principal");
            assertThat(owner.driver().findElements(By.id("approve")))
                    .as("nobody decides on their own device")
                    .isEmpty();
            Axe.assertAccessible(owner, "console-personal-device-approved-owner-phone");
        }

        // ---- IT removes its access, with a reason, after a confirmation
        try (Browser it = new Browser(system, "personal-it", Browser.DESKTOP)) {
            it.signInToConsole("/personal-devices/" + deviceId, district.itId, "IT_ADMIN");
            assertThat(it.find(By.id("device-history")).getAttribute("href")).endsWith("/devices/" + deviceId);
            assertThat(it.find(By.id("decided-by")).getText())
                    .as("IT reads the principal's name")
                    .contains("Morgan Principal");
            it.find(By.id("remove-access")).click();
            await().atMost(PAGE).until(() -> it.currentUrl().endsWith("/removal/new"));
            assertThat(it.find(By.id("names-device")).getText())
                    .as("the confirmation names the device and its owner")
                    .contains(assetTag)
                    .contains(serial)
                    .contains(ownerName);
            Axe.assertAccessible(it, "console-personal-device-remove-confirm-desktop");

            it.find(By.id("confirm")).click();
            it.awaitErrorSummary("Enter why access is removed");
            Axe.assertAccessible(it, "console-personal-device-remove-error-desktop");
            assertThat(ownDevice(ownerId, serial).get("access").asText())
                    .as("nothing is removed without a reason")
                    .isEqualTo("APPROVED");

            it.fill("reason", reason);
            it.find(By.id("confirm")).click();
            it.awaitElement("personal-device-done");
            assertThat(it.find(By.id("access")).getText()).isEqualTo("Access removed");
            assertThat(it.find(By.id("access-reason")).getText()).contains(reason);
            Axe.assertAccessible(it, "console-personal-device-removed-desktop");

            it.find(By.id("device-history")).click();
            await().atMost(PAGE).until(() -> it.currentUrl().endsWith("/devices/" + deviceId));
            assertThat(it.find(By.tagName("h1")).getText()).contains(assetTag);
        }
        JsonNode removed = ownDevice(ownerId, serial);
        assertThat(removed.get("access").asText()).isEqualTo("REMOVED");
        assertThat(removed.get("reason").asText()).isEqualTo(reason);

        // ---- the owner reads the removal and its reason, in English and Spanish, and asks again
        try (Browser owner = new Browser(system, "personal-owner-removed", Browser.PHONE)) {
            owner.signInToConsole("/personal-devices", ownerId, "STAFF");
            String card = owner.find(By.id("personal-device-" + assetTag)).getText();
            assertThat(card).contains("Access removed").contains(reason);
            assertWithinPhone(owner);
            Axe.assertAccessible(owner, "console-my-personal-devices-removed-phone");

            owner.find(By.id("language")).click();
            owner.awaitLanguage("es");
            assertThat(owner.find(By.tagName("h1")).getText()).isEqualTo("Mis dispositivos personales");
            assertThat(owner.find(By.id("personal-device-" + assetTag)).getText())
                    .contains("Acceso retirado")
                    .contains("Motivo")
                    .contains(reason);
            assertThat(owner.find(By.id("ask-again-" + assetTag)).getText()).contains("Solicitar de nuevo");
            Axe.assertAccessible(owner, "console-my-personal-devices-es-phone");
            owner.open(system.consolePage("/personal-devices/new"));
            owner.find(By.id("register-device")).click();
            owner.awaitErrorSummary("Escriba la marca del dispositivo");
            assertThat(owner.find(By.cssSelector(".error-summary h2")).getText())
                    .isEqualTo("Hay un problema");
            Axe.assertAccessible(owner, "console-register-own-device-errors-es-phone");
            owner.open(system.consolePage("/personal-devices"));
            owner.find(By.id("language")).click();
            owner.awaitLanguage("en");

            owner.open(system.consolePage("/personal-devices/" + deviceId));
            assertThat(owner.find(By.id("access-reason")).getText()).contains(reason);
            assertThat(owner.find(By.id("decided-by")).getText()).startsWith("District IT");
            Axe.assertAccessible(owner, "console-personal-device-removed-owner-phone");

            owner.open(system.consolePage("/personal-devices"));
            owner.find(By.id("ask-again-" + assetTag)).click();
            owner.awaitElement("personal-device-done");
            assertThat(owner.find(By.id("personal-device-done")).getText()).contains("You asked again for " + assetTag);
            assertThat(owner.find(By.id("personal-device-" + assetTag)).getText())
                    .contains("Waiting for a decision");
            assertThat(owner.driver().findElements(By.id("ask-again-" + assetTag)))
                    .as("nothing to ask while a request waits")
                    .isEmpty();
        }
        assertThat(ownDevice(ownerId, serial).get("access").asText()).isEqualTo("PENDING");
    }

    @Test
    void aPrincipalWhoIsNothingElseStartsAtTheRequestsAndSeesNoStaffPages() {
        String school = system.school() + "-PD3";
        String principalId = system.id("P");
        registerPerson(principalId, "Dana", "Principal" + principalId.replace("-", ""), school, true);
        try (Browser principal = new Browser(system, "personal-principal-only", Browser.PHONE)) {
            principal.signInToConsole("/", principalId, "PRINCIPAL");
            await().atMost(PAGE).until(() -> principal.currentUrl().endsWith("/personal-devices/requests"));
            assertThat(principal.find(By.cssSelector("header nav")).getText())
                    .contains("Personal device requests")
                    .contains("My personal devices")
                    .doesNotContain("My devices")
                    .doesNotContain("My charges");
            assertThat(principal.find(By.id("no-requests")).getText()).contains("Nothing is waiting");
            assertWithinPhone(principal);
            Axe.assertAccessible(principal, "console-personal-device-requests-empty-phone");
        }
    }

    // ---------------------------------------------------------------- helpers (as ConsoleIT's)

    /** The owner's own device of this serial number, as the inventory answers it to them. */
    private JsonNode ownDevice(String ownerId, String serial) {
        Http.Reply reply =
                Http.get(system.inventory("/api/v1/personal-devices?limit=200"), TestTokens.token(ownerId, "STAFF"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (JsonNode d : reply.json().get("items")) {
            if (d.get("serialNumber").asText().equalsIgnoreCase(serial)) {
                return d;
            }
        }
        throw new AssertionError("No personal device " + serial + " of " + ownerId + ": " + reply.text());
    }

    /** Nothing on the page is wider than the phone it is read on. */
    private static void assertWithinPhone(Browser browser) {
        assertThat(browser.viewportWidth())
                .as("the page lays out at the phone's width")
                .isLessThan(420L);
        long width = browser.pageWidth();
        assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(420L);
    }

    /** A person of the inventory at this school, with today's AUP acknowledgement or none; their record's id. */
    private String registerPerson(String districtId, String givenName, String familyName, String school, boolean aup) {
        ObjectNode body = Http.JSON
                .createObjectNode()
                .put("districtId", districtId)
                .put("givenName", givenName)
                .put("familyName", familyName)
                .put("email", districtId.toLowerCase(Locale.ROOT) + "@district.example")
                .put("kind", "EMPLOYEE")
                .put("school", school);
        if (aup) {
            body.put("aupAcknowledgedOn", DistrictSystem.today().toString());
        }
        Http.Reply created = Http.post(system.inventory("/api/v1/people"), district.itToken(), body);
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
        if (created.status() == 201) {
            return created.json().get("id").asText();
        }
        Http.Reply found =
                Http.get(system.inventory("/api/v1/people?q=" + districtId + "&limit=10"), district.itToken());
        return found.json().get("items").get(0).get("id").asText();
    }
}
