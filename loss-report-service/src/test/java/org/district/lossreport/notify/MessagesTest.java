package org.district.lossreport.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.district.contracts.checkin.DeviceSeenAfterDeparture;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.PersonalDeviceDecision;
import org.district.contracts.inventory.PersonalDeviceStep;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReported;
import org.district.lossreport.MailAndWebhook;
import org.district.lossreport.entity.KnownDevice;
import org.district.lossreport.entity.KnownPerson;
import org.junit.jupiter.api.Test;

/**
 * The words of the notifications, to the letter: the templates must read as the messages people have been getting (the
 * texts below are those the messages had before they became templates).
 */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class MessagesTest {

    private static final UUID REPORT = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final UUID DEVICE = UUID.fromString("00000000-0000-0000-0000-000000000007");
    private static final String LINK = "http://localhost:8084/personal-devices/" + DEVICE;

    @Inject
    Messages messages;

    @Test
    void itHearsOfATheftWithEveryFactOnItsOwnLine() {
        Message m = messages.lossReportedToIt(
                new Messages.ReportFacts(
                        theft(), laptop(), pat(), pat(), "+1 555 0100", "http://localhost:8084/loss-reports/1"),
                SupervisorRoute.to("sam@district.example", "supervisor Sam Head (E1000)"));

        assertThat(m.subject()).isEqualTo("[LR-2026-000042] STOLEN: laptop LHS-LT-0042 (LINCOLN-HS)");
        assertThat(m.body())
                .isEqualTo(
                        """
                        A district device was reported stolen.

                        Report: LR-2026-000042
                        Device: LHS-LT-0042, Dell Latitude 5440 (laptop)
                        Serial number: SN-0042
                        School: LINCOLN-HS
                        Held by: Pat Example (E1001)
                        Reported by: Pat Example (E1001), 2026-03-02 15:00 (UTC)
                        Last seen: 2026-03-02 14:30 (UTC) at Bus stop
                        What happened: Taken from bag
                        Police: notified (Metro Police); case number still owed
                        Reporter's phone: +1 555 0100
                        Sensitive data: yes: consider locking or wiping it at its next check-in
                        Supervisor: told supervisor Sam Head (E1000)

                        Open the report: http://localhost:8084/loss-reports/1
                        """);
    }

    @Test
    void aSupervisorHearsWhatWasLostAndWhereWithoutTheReportersPhoneOrAccount() {
        Message m = messages.lossReportedToSupervisor(
                new Messages.ReportFacts(theft(), null, null, null, null, "http://localhost:8084/loss-reports/1"),
                "the school office of LINCOLN-HS");

        assertThat(m.subject()).isEqualTo("[LR-2026-000042] STOLEN: LHS-LT-0042 (LINCOLN-HS)");
        assertThat(m.body())
                .isEqualTo(
                        """
                        A device held by someone you are responsible for was reported stolen.
                        You receive this as the school office of LINCOLN-HS. IT has been told and is working to recover the device.

                        Report: LR-2026-000042
                        Device: LHS-LT-0042
                        School: LINCOLN-HS
                        Reported by: E1001, 2026-03-02 15:00 (UTC)
                        Last seen: 2026-03-02 14:30 (UTC) at Bus stop

                        Follow the report: http://localhost:8084/loss-reports/1
                        """);
    }

    @Test
    void whatIsNotKnownHereIsSaidSo() {
        Message recovered = messages.recovered(
                new LossReportRecovered(
                        REPORT,
                        DEVICE,
                        Instant.parse("2026-03-05T10:00:00Z"),
                        "IT_ADMIN:IT1",
                        "Handed in\nat the office"),
                null,
                laptop(),
                "http://localhost:8084/loss-reports/" + REPORT);
        assertThat(recovered.subject()).isEqualTo("[report " + REPORT + "] Recovered: LHS-LT-0042");
        assertThat(recovered.body())
                .isEqualTo(
                        """
                        Device LHS-LT-0042 was recovered; report 00000000-0000-0000-0000-000000000042 is closed.
                        Recovered: 2026-03-05 10:00 (UTC)
                        Recorded by: IT_ADMIN:IT1
                        Note: Handed in at the office
                        It holds sensitive data: it goes to quarantine until IT sanitizes it.

                        Open the report: http://localhost:8084/loss-reports/00000000-0000-0000-0000-000000000042
                        """);

        Message seen = messages.lostDeviceSeen(
                new LostDeviceSeen(DEVICE, Instant.parse("2026-03-05T10:00:00Z"), null, "10.20.30.40", true, null),
                null,
                null,
                null);
        assertThat(seen.subject()).isEqualTo("Lost device seen on the network: " + DEVICE);
        assertThat(seen.body())
                .isEqualTo(
                        """
                        A device reported lost or stolen checked in.

                        Device: 00000000-0000-0000-0000-000000000007
                        Seen: 2026-03-05 10:00 (UTC)
                        Site, as the device reports it: unknown
                        IP address, as the device reports it: 10.20.30.40
                        Location: recorded; IT can read it in checkin-service

                        No loss report of this device is known here.
                        """);

        // The address the district's servers saw, beside what the device says: a thief's agent chooses the latter.
        Message seenFrom = messages.lostDeviceSeen(
                new LostDeviceSeen(
                        DEVICE, Instant.parse("2026-03-05T10:00:00Z"), "LIBRARY", "10.20.30.40", false, "203.0.113.45"),
                laptop(),
                null,
                null);
        assertThat(seenFrom.body())
                .contains("IP address, as the device reports it: 10.20.30.40\n"
                        + "Connected from IP address: 203.0.113.45, as the district's servers saw it\n");

        Message overdue = messages.returnTaskOverdue(
                new ReturnTaskOverdue(UUID.randomUUID(), DEVICE, REPORT, LocalDate.of(2026, 4, 1), Instant.now()),
                laptop(),
                null);
        assertThat(overdue.subject()).isEqualTo("Overdue device return: LHS-LT-0042 (" + REPORT + ")");
        assertThat(overdue.body())
                .isEqualTo(
                        """
                        Device LHS-LT-0042 was due back on 2026-04-01 and has not been returned.

                        Device: LHS-LT-0042, Dell Latitude 5440 (laptop)
                        Holder: 00000000-0000-0000-0000-000000000042
                        Was due: 2026-04-01
                        """);
    }

    @Test
    void itDecidesARequestForASchoolWithoutApproverAndSeesWhyItIsAsked() {
        Message m = messages.personalDeviceRequested(
                personal(PersonalDeviceStep.REQUESTED, "Grading at home", null),
                "Pat Example (E1001)",
                "LINCOLN-HS has no approver on record",
                LINK);

        assertThat(m.subject()).isEqualTo("Approval requested: personal device PD-0042 (Pat Example (E1001))");
        assertThat(m.body())
                .isEqualTo(
                        """
                        Pat Example (E1001) asks to use a personal device for district work. Please approve or refuse it in the console.

                        LINCOLN-HS has no approver on record: IT is asked to decide instead, or to ask the school to name an approver.

                        Device: PD-0042, LAPTOP, Dell XPS 13
                        Owner: Pat Example (E1001)
                        School: LINCOLN-HS
                        Purpose: Grading at home

                        It may be approved only while the owner's Acceptable Use Policy acknowledgement is current; an approval lasts until the end of the school year.

                        Decide: http://localhost:8084/personal-devices/00000000-0000-0000-0000-000000000007
                        """);

        Message renewal = messages.personalDeviceRequested(
                personal(PersonalDeviceStep.RENEWAL_REQUESTED, null, null), "Pat Example (E1001)", null, LINK);
        assertThat(renewal.subject()).isEqualTo("Renewal requested: personal device PD-0042 (Pat Example (E1001))");
        assertThat(renewal.body())
                .startsWith("Pat Example (E1001) asks again to use a personal device for district work. Please"
                        + " approve or refuse it in the console.\n\nDevice:")
                .contains("Purpose: not given\n");
    }

    @Test
    void theOwnerReadsWhatAnApprovalMeans() {
        Message m = messages.personalDeviceApproved(
                personal(PersonalDeviceStep.APPROVED, null, LocalDate.of(2026, 6, 30)), LINK);

        assertThat(m.subject()).isEqualTo("Approved: your personal device PD-0042 until 2026-06-30");
        assertThat(m.body())
                .isEqualTo(
                        """
                        Your personal device PD-0042 is approved for district work until 2026-06-30.

                        Device: PD-0042, LAPTOP, Dell XPS 13
                        Approved until: 2026-06-30

                        What this means:
                        - While you use it for district work, it must meet the district's security baseline: a password, encryption where it may hold sensitive data, current security updates and antivirus. If it stops meeting it and is not fixed in time, its access is removed.
                        - IT will enrol it (an enrolment code or the district's device manager) before it reaches district tools.
                        - The district never wipes a personal device.
                        - The district locks or locates it only if you consented to that when it was approved, and only when you report it lost or stolen.
                        - From 30 days before 2026-06-30 you can ask to renew the approval in the console.

                        Your device in the console: http://localhost:8084/personal-devices/00000000-0000-0000-0000-000000000007
                        """);
    }

    @Test
    void aRemovalSaysWhyAndHowToGetAccessBackOnOneLinePerFact() {
        PersonalDeviceDecision removal =
                personal(PersonalDeviceStep.ACCESS_REMOVED, "Disk encryption is off\nBcc: x@evil.example", null);

        Message toOwner = messages.personalDeviceAccessRemoved(removal, LINK);
        assertThat(toOwner.subject()).isEqualTo("Access removed: your personal device PD-0042");
        assertThat(toOwner.body())
                .isEqualTo(
                        """
                        Your personal device PD-0042 can no longer reach district tools: its access was removed.

                        Device: PD-0042, LAPTOP, Dell XPS 13
                        Reason: Disk encryption is off Bcc: x@evil.example

                        To get access back, fix what the reason says, then ask again in the console. Your school's approver decides as for a first request.

                        Ask again: http://localhost:8084/personal-devices/00000000-0000-0000-0000-000000000007
                        """);

        Message toApprovers =
                messages.personalDeviceAccessRemovedToApprovers(removal, "Pat Example (E1001)", null, LINK);
        assertThat(toApprovers.subject()).isEqualTo("Access removed: personal device PD-0042 (Pat Example (E1001))");
        assertThat(toApprovers.body())
                .isEqualTo(
                        """
                        The personal device PD-0042 of Pat Example (E1001) can no longer reach district tools: its access was removed.

                        Device: PD-0042, LAPTOP, Dell XPS 13
                        Owner: Pat Example (E1001)
                        School: LINCOLN-HS
                        Reason: Disk encryption is off Bcc: x@evil.example

                        The owner was told the reason. To get access back they fix what it says and ask again in the console, and the school's approver decides as for a first request.

                        The device in the console: http://localhost:8084/personal-devices/00000000-0000-0000-0000-000000000007
                        """);

        Message refused = messages.personalDeviceRefused(personal(PersonalDeviceStep.REFUSED, null, null), LINK);
        assertThat(refused.subject()).isEqualTo("Not approved: your personal device PD-0042");
        assertThat(refused.body()).contains("Reason: none given\n").contains("You may ask again");

        Message expired = messages.personalDeviceExpired(
                personal(PersonalDeviceStep.EXPIRED, null, LocalDate.of(2026, 6, 30)), LINK);
        assertThat(expired.subject()).isEqualTo("Approval ended: your personal device PD-0042");
        assertThat(expired.body())
                .startsWith("The approval of your personal device PD-0042 for district work ended on 2026-06-30")
                .contains("Renew: " + LINK);
    }

    private static PersonalDeviceDecision personal(PersonalDeviceStep step, String reason, LocalDate expiresOn) {
        return new PersonalDeviceDecision(
                UUID.randomUUID(),
                DEVICE,
                "PD-0042",
                "LAPTOP, Dell XPS 13",
                "LINCOLN-HS",
                UUID.randomUUID(),
                "E1001",
                step,
                reason,
                expiresOn,
                List.of(),
                "system",
                Instant.parse("2026-06-30T22:00:00Z"));
    }

    private static LossReported theft() {
        return new LossReported(
                REPORT,
                "LR-2026-000042",
                DEVICE,
                "LHS-LT-0042",
                LossKind.STOLEN,
                "E1001",
                UUID.randomUUID(),
                "LINCOLN-HS",
                Instant.parse("2026-03-02T14:30:00Z"),
                "Bus stop",
                "Taken\nfrom bag",
                true,
                "Metro Police",
                null,
                true,
                Instant.parse("2026-03-02T15:00:00Z"));
    }

    @Test
    void whatADeviceOrAFeedSendsStaysOnOneLineAndOutOfTheHeaders() {
        // A stolen laptop's agent names its site: a line break there must neither add a header nor stop the alert.
        Message seen =
                seenAt("Library\r\nBcc: thief@evil.example\n\nIgnore this alert", "10.20.30.40\u2028X-Forged: yes");
        // What the device names stays out of the subject, which IT's chat channel shows too.
        assertThat(seen.subject()).isEqualTo("Lost device seen on the network: LHS-LT-0042");
        assertThat(EmailSender.fitsAHeader(seen.subject())).isTrue();
        assertThat(seen.body())
                .contains("Site, as the device reports it: Library  Bcc: thief@evil[.]example  Ignore this alert\n")
                .contains("IP address, as the device reports it: 10.20.30.40 X-Forged: yes\n")
                .doesNotContain("\nBcc:")
                .doesNotContain("\nX-Forged");

        // A person's name from the HR feed, in a subject.
        KnownPerson odd = pat();
        odd.givenName = "Pat\r\nBcc: x@evil.example";
        Message overdue = overdueHeldBy(odd);
        assertThat(overdue.subject()).doesNotContain("\n").doesNotContain("\r").contains("Bcc: x@evil.example");
        assertThat(EmailSender.fitsAHeader(overdue.subject())).isTrue();
        assertThat(EmailSender.fitsAHeader("Lost device\r\nBcc: x")).isFalse();
        assertThat(EmailSender.fitsAHeader("Lost device\u0085")).isFalse();
    }

    @Test
    void whatADeviceSendsCannotReorderTheAlertsLine() {
        // A right-to-left override would show "at ...", and all after it on the line, backwards: a forged site or tag.
        Message seen = seenAt("Library\u202E1-TL-SHL", "10.20.30.40\u2066");
        assertThat(seen.subject()).isEqualTo("Lost device seen on the network: LHS-LT-0042");
        assertThat(seen.body())
                .contains("Site, as the device reports it: Library 1-TL-SHL\n")
                .doesNotContain("\u202E")
                .doesNotContain("\u2066");
        // Joiners some scripts' names need stay as they are.
        KnownPerson named = pat();
        named.givenName = "Mehr\u200Cnaz";
        assertThat(overdueHeldBy(named).subject()).contains("Mehr\u200Cnaz");
    }

    @Test
    void aSiteADeviceNamesLikeAnAddressIsNoLinkInTheAlert() {
        assertThat(seenAt("www.example.org/claim", "10.20.30.40").body())
                .contains("Site, as the device reports it: www[.]example[.]org/claim\n")
                .doesNotContain("www.example");
        assertThat(seenAt("lincoln-hs.k12.example", "10.20.30.40").body())
                .contains("Site, as the device reports it: lincoln-hs[.]k12[.]example\n");
        // Sites named as sites are read as they were sent.
        assertThat(seenAt("St. Mary's / Room 204", "10.20.30.40").body())
                .contains("Site, as the device reports it: St. Mary's / Room 204\n");
        // A letter with a combining mark before the dot is a host name's label too.
        assertThat(seenAt("example\u0301.org/claim", "10.20.30.40").body()).contains("example\u0301[.]org/claim");
        // A personal device's make and model are its owner's words; a model's version number stays as it is.
        KnownDevice own = laptop();
        own.make = "claim.example.com";
        own.model = "Surface Laptop 13.5";
        assertThat(messages.lostDeviceSeen(
                                new LostDeviceSeen(
                                        DEVICE, Instant.parse("2026-03-05T10:00:00Z"), null, null, false, null),
                                own,
                                null,
                                null)
                        .body())
                .contains("claim[.]example[.]com Surface Laptop 13.5")
                .doesNotContain("claim.example.com");
        assertThat(messages.seenAfterDeparture(
                                new DeviceSeenAfterDeparture(
                                        DEVICE,
                                        REPORT,
                                        LocalDate.of(2026, 3, 1),
                                        Instant.parse("2026-03-05T10:00:00Z"),
                                        "claim.example.com",
                                        "10.20.30.40"),
                                laptop(),
                                null)
                        .body())
                .contains("claim[.]example[.]com")
                .doesNotContain("claim.example.com");
    }

    /** The alert of the lost laptop checking in, naming this site and address (no report known, no location). */
    private Message seenAt(String site, String ipAddress) {
        return messages.lostDeviceSeen(
                new LostDeviceSeen(DEVICE, Instant.parse("2026-03-05T10:00:00Z"), site, ipAddress, false, null),
                laptop(),
                null,
                null);
    }

    /** To IT: the laptop held by {@code holder} was due back on 2026-04-01. */
    private Message overdueHeldBy(KnownPerson holder) {
        return messages.returnTaskOverdue(
                new ReturnTaskOverdue(UUID.randomUUID(), DEVICE, REPORT, LocalDate.of(2026, 4, 1), Instant.now()),
                laptop(),
                holder);
    }

    private static KnownDevice laptop() {
        KnownDevice d = new KnownDevice();
        d.id = DEVICE;
        d.assetTag = "LHS-LT-0042";
        d.serialNumber = "SN-0042";
        d.type = DeviceType.LAPTOP;
        d.make = "Dell";
        d.model = "Latitude 5440";
        d.sensitiveData = true;
        return d;
    }

    private static KnownPerson pat() {
        KnownPerson p = new KnownPerson();
        p.id = UUID.randomUUID();
        p.districtId = "E1001";
        p.givenName = "Pat";
        p.familyName = "Example";
        return p;
    }
}
