package org.district.lossreport.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.district.contracts.checkin.DeviceSeenAfterDeparture;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReportWrittenOff;
import org.district.contracts.lossreport.LossReported;
import org.district.lossreport.KnownDevice;
import org.district.lossreport.KnownPerson;
import org.district.lossreport.LossReport;
import org.district.lossreport.config.DistrictClock;

/**
 * The words of every notification, written for the person who reads them: what happened to which device, who
 * reported it, where and when it was last seen, where the police report stands, and the link to follow.
 */
@ApplicationScoped
public class Messages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    DistrictClock clock;

    /** The facts a loss report message is built from; anything not known locally is null. */
    public record ReportFacts(
            LossReported event,
            KnownDevice device,
            KnownPerson holder,
            KnownPerson reporter,
            String contactPhone,
            String link) {}

    /** To IT: a device was reported lost or stolen. {@code routeNote} says who else was told, or why nobody was. */
    public Message lossReportedToIt(ReportFacts f, String routeNote) {
        LossReported e = f.event();
        Text t = new Text();
        t.line("A district device was reported " + kindWord(e.kind()) + ".");
        t.blank();
        reportFacts(t, f);
        if (f.contactPhone() != null) {
            t.field("Reporter's phone", f.contactPhone());
        }
        if (f.device() != null && f.device().sensitiveData) {
            t.field("Sensitive data", "yes: consider locking or wiping it at its next check-in");
        }
        if (routeNote != null) {
            t.field("Supervisor", routeNote);
        }
        t.blank();
        t.line("Open the report: " + f.link());
        return new Message(subject(e, f.device()), t.toString());
    }

    /** To the holder's supervisor or school contact. */
    public Message lossReportedToSupervisor(ReportFacts f, String who) {
        LossReported e = f.event();
        Text t = new Text();
        String holder = f.holder() == null
                ? "someone you are responsible for"
                : f.holder().displayName();
        t.line("A device held by " + holder + " was reported " + kindWord(e.kind()) + ".");
        t.line("You receive this as " + who + ". IT has been told and is working to recover the device.");
        t.blank();
        reportFacts(t, f);
        t.blank();
        t.line("Follow the report: " + f.link());
        return new Message(subject(e, f.device()), t.toString());
    }

    /** To the reporter of a theft: the police case number is still owed. */
    public Message policeReminder(LossReport r, int reminderNumber, String link) {
        Text t = new Text();
        t.line("You reported device " + r.assetTag + " stolen (report " + r.reportNumber + ") without a police case"
                + " number.");
        t.line("District policy asks you to notify the local police as well. When you have the case number, add it"
                + " to the report, or send it to IT quoting " + r.reportNumber + ".");
        t.blank();
        t.field("Report", r.reportNumber);
        t.field("Device", device(r.assetTag, r.deviceDescription));
        t.field("Reported", time(r.reportedAt));
        if (r.policeAgency != null) {
            t.field("Police agency", r.policeAgency);
        }
        t.blank();
        t.line("Add the case number: " + link);
        String prefix = reminderNumber > 1 ? "Reminder " + reminderNumber + ": " : "Action needed: ";
        return new Message(
                "[" + r.reportNumber + "] " + prefix + "police case number for stolen device " + r.assetTag,
                t.toString());
    }

    /** To IT: a report was closed because the device was found. */
    public Message recovered(LossReportRecovered e, LossReport r, KnownDevice device, String link) {
        String number = r != null ? r.reportNumber : "report " + e.reportId();
        String tag = tag(r, device, e.deviceId().toString());
        Text t = new Text();
        t.line("Device " + tag + " was recovered; " + number + " is closed.");
        t.field("Recovered", time(e.recoveredAt()));
        t.field("Recorded by", e.recordedBy());
        if (e.note() != null && !e.note().isBlank()) {
            t.field("Note", e.note());
        }
        if (device != null && device.sensitiveData) {
            t.line("It holds sensitive data: it goes to quarantine until IT sanitizes it.");
        }
        t.blank();
        t.line("Open the report: " + link);
        return new Message("[" + number + "] Recovered: " + tag, t.toString());
    }

    /** To IT: a report was closed by writing the device off. */
    public Message writtenOff(LossReportWrittenOff e, LossReport r, KnownDevice device, String link) {
        String number = r != null ? r.reportNumber : "report " + e.reportId();
        String tag = tag(r, device, e.deviceId().toString());
        Text t = new Text();
        t.line("Device " + tag + " was written off; " + number + " is closed.");
        t.field("Cost owed", money(e.costOwed()));
        t.field("Recorded by", e.recordedBy());
        if (e.note() != null && !e.note().isBlank()) {
            t.field("Note", e.note());
        }
        t.blank();
        t.line("Open the report: " + link);
        return new Message("[" + number + "] Written off: " + tag, t.toString());
    }

    /** To IT: a device reported lost or stolen checked in. Coordinates stay in checkin-service, readable by IT. */
    public Message lostDeviceSeen(LostDeviceSeen e, KnownDevice device, LossReport report, String link) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        Text t = new Text();
        t.line("A device reported lost or stolen is on the district network.");
        t.blank();
        t.field("Device", device == null ? tag : device(tag, device.description()));
        t.field("Seen", time(e.seenAt()));
        t.field("Site", orUnknown(e.site()));
        t.field("IP address", orUnknown(e.ipAddress()));
        if (e.latitude() != null) {
            t.field("Location", "recorded; IT can read it in checkin-service");
        }
        if (report != null) {
            t.field("Report", report.reportNumber + " (" + report.status + ")");
        }
        t.blank();
        t.line(link != null ? "Open the report: " + link : "No loss report of this device is known here.");
        String number = report != null ? "[" + report.reportNumber + "] " : "";
        return new Message(
                number + "Lost device seen on the network: " + tag + " at " + orUnknown(e.site()), t.toString());
    }

    /** To IT: a device checked in after its holder left without returning it. */
    public Message seenAfterDeparture(DeviceSeenAfterDeparture e, KnownDevice device, KnownPerson person) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        Text t = new Text();
        t.line("A device was used after its holder's last working day and has not been returned.");
        t.blank();
        t.field("Device", device == null ? tag : device(tag, device.description()));
        t.field("Holder", person == null ? String.valueOf(e.personId()) : person.displayName());
        t.field("Last working day", String.valueOf(e.lastWorkingDay()));
        t.field("Seen", time(e.seenAt()));
        t.field("Site", orUnknown(e.site()));
        t.field("IP address", orUnknown(e.ipAddress()));
        return new Message("Device " + tag + " used after its holder left", t.toString());
    }

    /** To the departing person: which device to return, by when, and how. */
    public Message returnTaskOpened(ReturnTaskOpened e, KnownDevice device, KnownPerson person) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        Text t = new Text();
        t.line("Before you leave the district, please return device " + tag + " by " + date(e.dueOn()) + ".");
        t.blank();
        t.field("Device", device == null ? tag : device(tag, device.description()));
        t.field("Return by", date(e.dueOn()));
        t.field("How", howToReturn(e.sensitiveData()));
        return new Message("Please return device " + tag + " by " + date(e.dueOn()), t.toString());
    }

    /** To the departing person's supervisor. */
    public Message returnTaskOpenedToSupervisor(ReturnTaskOpened e, KnownDevice device, KnownPerson person) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        String who = person == null ? "A person you supervise" : person.displayName();
        Text t = new Text();
        t.line(who + " is leaving and must return device " + tag + " by " + date(e.dueOn()) + ".");
        t.blank();
        t.field("Device", device == null ? tag : device(tag, device.description()));
        t.field("Return by", date(e.dueOn()));
        t.field("How", howToReturn(e.sensitiveData()));
        return new Message("Device return due: " + tag + " by " + date(e.dueOn()), t.toString());
    }

    /** To IT and the supervisor: a return is overdue. */
    public Message returnTaskOverdue(ReturnTaskOverdue e, KnownDevice device, KnownPerson person) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        String who = person == null ? String.valueOf(e.personId()) : person.displayName();
        Text t = new Text();
        t.line("Device " + tag + " was due back on " + date(e.dueOn()) + " and has not been returned.");
        t.blank();
        t.field("Device", device == null ? tag : device(tag, device.description()));
        t.field("Holder", who);
        t.field("Was due", date(e.dueOn()));
        return new Message("Overdue device return: " + tag + " (" + who + ")", t.toString());
    }

    // ---------------------------------------------------------------- helpers

    private void reportFacts(Text t, ReportFacts f) {
        LossReported e = f.event();
        t.field("Report", e.reportNumber());
        t.field(
                "Device",
                device(e.assetTag(), f.device() == null ? null : f.device().description()));
        if (f.device() != null) {
            t.field("Serial number", f.device().serialNumber);
        }
        if (e.school() != null) {
            t.field("School", e.school());
        }
        if (f.holder() != null) {
            t.field("Held by", f.holder().displayName());
        }
        t.field(
                "Reported by",
                (f.reporter() == null ? e.reportedBy() : f.reporter().displayName()) + ", " + time(e.reportedAt()));
        t.field("Last seen", time(e.lastSeenAt()) + " at " + e.lastSeenLocation());
        t.field("What happened", e.circumstances());
        t.field("Police", police(e));
    }

    private String subject(LossReported e, KnownDevice device) {
        String what = device != null && device.type != null
                ? device.type.name().toLowerCase().replace('_', ' ') + " " + e.assetTag()
                : e.assetTag();
        String where = e.school() == null ? "" : " (" + e.school() + ")";
        return "[" + e.reportNumber() + "] " + e.kind() + ": " + what + where;
    }

    static String police(LossReported e) {
        if (e.policeCaseNumber() != null && !e.policeCaseNumber().isBlank()) {
            return "notified, " + orUnknown(e.policeAgency()) + ", case number " + e.policeCaseNumber();
        }
        if (e.policeNotified()) {
            return "notified (" + orUnknown(e.policeAgency()) + "); case number still owed";
        }
        if (e.kind() == LossKind.STOLEN) {
            return "not notified yet; a police report is owed";
        }
        return "not notified (device lost)";
    }

    private static String howToReturn(boolean sensitiveData) {
        return sensitiveData
                ? "hand it directly to IT: it holds sensitive data and must be sanitized before anyone else uses it"
                : "hand it to IT or to your school office";
    }

    private static String kindWord(LossKind kind) {
        return kind == LossKind.STOLEN ? "stolen" : "lost";
    }

    private static String device(String tag, String description) {
        return description == null || description.isBlank() ? tag : tag + ", " + description;
    }

    private static String tag(LossReport r, KnownDevice d, String fallback) {
        return r != null ? r.assetTag : d != null ? d.assetTag : fallback;
    }

    private String time(Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant.atZone(clock.zone())) + " (" + clock.zone() + ")";
    }

    private static String date(LocalDate date) {
        return date == null ? "unknown" : date.toString();
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "none" : amount.toPlainString();
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    /** A plain-text body of labelled lines. */
    private static final class Text {
        private final StringBuilder out = new StringBuilder();

        void line(String text) {
            out.append(text).append('\n');
        }

        void blank() {
            out.append('\n');
        }

        void field(String label, String value) {
            out.append(label)
                    .append(": ")
                    .append(value == null ? "" : value.replace('\n', ' '))
                    .append('\n');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
