package org.district.lossreport.notify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.district.contracts.checkin.DeviceSeenAfterDeparture;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.checkin.ReturnReason;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.checkin.ReturnTaskReminder;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonalDeviceDecision;
import org.district.contracts.inventory.PersonalDeviceStep;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReportWrittenOff;
import org.district.contracts.lossreport.LossReported;
import org.district.lossreport.entity.KnownDevice;
import org.district.lossreport.entity.KnownPerson;
import org.district.lossreport.entity.LossReport;
import org.district.support.text.OneLine;
import org.district.support.time.DistrictClock;

/**
 * The words of every notification, written for the person who reads them. The texts are the Qute templates in
 * {@code templates/Messages/}, one per message: a {@code Subject:} line, a blank line, then the body. This class hands
 * them what they show, ready to print: times in the district's zone, "unknown" for what is not known here, and the
 * free text after a label on one line, so a typed line break cannot start a line that looks like another field.
 */
@ApplicationScoped
public class Messages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String SUBJECT = "Subject: ";

    @Inject
    DistrictClock clock;

    /** The templates in templates/Messages/, each with the values it shows. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lossReportedToIt(
                ReportText r, String phone, boolean sensitiveData, boolean told, String supervisor, boolean personal);

        static native TemplateInstance lossReportedToSupervisor(ReportText r, String holder, String who);

        static native TemplateInstance policeReminder(
                String number, int reminder, String tag, String device, String reportedAt, String agency, String link);

        static native TemplateInstance recovered(
                String number,
                String tag,
                String recoveredAt,
                String recordedBy,
                String note,
                boolean sensitiveData,
                String link);

        static native TemplateInstance writtenOff(
                String number, String tag, String costOwed, String recordedBy, String note, String link);

        static native TemplateInstance lostDeviceSeen(
                String report,
                String reportStatus,
                String tag,
                String device,
                String seenAt,
                String site,
                String ipAddress,
                String observedAddress,
                boolean located,
                String link);

        static native TemplateInstance seenAfterDeparture(
                String tag,
                String device,
                String holder,
                String lastWorkingDay,
                String seenAt,
                String site,
                String ipAddress);

        static native TemplateInstance returnTaskOpened(
                String tag, String device, String dueOn, boolean sensitiveData, boolean loan);

        static native TemplateInstance returnTaskOpenedToSupervisor(
                String person, String tag, String device, String dueOn, boolean sensitiveData, boolean loan);

        static native TemplateInstance returnTaskReminder(
                String tag, String device, String dueOn, boolean sensitiveData, boolean loan, boolean dueToday);

        static native TemplateInstance returnTaskOverdueToHolder(
                String tag, String device, String dueOn, boolean sensitiveData);

        static native TemplateInstance returnTaskOverdue(
                String tag, String who, String device, String dueOn, boolean loan, int escalation, long daysOverdue);

        static native TemplateInstance personalDeviceRequested(
                String owner,
                String tag,
                String device,
                String school,
                String purpose,
                boolean renewal,
                String missing,
                String link);

        static native TemplateInstance personalDeviceApproved(String tag, String device, String until, String link);

        static native TemplateInstance personalDeviceRefused(String tag, String device, String reason, String link);

        static native TemplateInstance personalDeviceExpired(String tag, String device, String endedOn, String link);

        static native TemplateInstance personalDeviceAccessRemoved(
                String tag, String device, String reason, String link);

        static native TemplateInstance personalDeviceAccessRemovedToApprovers(
                String owner, String tag, String device, String school, String reason, String missing, String link);
    }

    /** The facts a loss report message is built from; anything not known locally is null. */
    public record ReportFacts(
            LossReported event,
            KnownDevice device,
            KnownPerson holder,
            KnownPerson reporter,
            String contactPhone,
            String link) {}

    /** To IT: a device was reported lost or stolen; {@code route} says who else was told, or why nobody was. */
    public Message lossReportedToIt(ReportFacts f, SupervisorRoute route) {
        return render(Templates.lossReportedToIt(
                text(f),
                OneLine.of(f.contactPhone()),
                f.device() != null && f.device().sensitiveData,
                route.found(),
                OneLine.of(route.found() ? route.who() : route.missing()),
                f.device() != null && f.device().ownership == Ownership.PERSONAL));
    }

    /** To the holder's supervisor or school contact, {@code who} they are to the holder. */
    public Message lossReportedToSupervisor(ReportFacts f, String who) {
        return render(Templates.lossReportedToSupervisor(
                text(f), f.holder() == null ? null : OneLine.of(f.holder().displayName()), who));
    }

    /** To the reporter of a theft: the police case number is still owed. */
    public Message policeReminder(LossReport r, int reminderNumber, String link) {
        return render(Templates.policeReminder(
                r.reportNumber,
                reminderNumber,
                r.assetTag,
                OneLine.of(device(r.assetTag, r.deviceDescription)),
                time(r.reportedAt),
                OneLine.of(r.policeAgency),
                link));
    }

    /** To IT: a report was closed because the device was found. */
    public Message recovered(LossReportRecovered e, LossReport r, KnownDevice device, String link) {
        return render(Templates.recovered(
                number(r, e.reportId()),
                tag(r, device, e.deviceId().toString()),
                time(e.recoveredAt()),
                OneLine.of(e.recordedBy()),
                note(e.note()),
                device != null && device.sensitiveData,
                link));
    }

    /** To IT: a report was closed by writing the device off. */
    public Message writtenOff(LossReportWrittenOff e, LossReport r, KnownDevice device, String link) {
        return render(Templates.writtenOff(
                number(r, e.reportId()),
                tag(r, device, e.deviceId().toString()),
                e.costOwed() == null ? "none" : e.costOwed().toPlainString(),
                OneLine.of(e.recordedBy()),
                note(e.note()),
                link));
    }

    /** To IT: a device reported lost or stolen checked in. Coordinates stay in checkin-service, readable by IT. */
    public Message lostDeviceSeen(LostDeviceSeen e, KnownDevice device, LossReport report, String link) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        return render(Templates.lostDeviceSeen(
                report == null ? null : report.reportNumber,
                report == null ? null : String.valueOf(report.status),
                tag,
                deviceLine(tag, device),
                time(e.seenAt()),
                noLink(orUnknown(e.site())),
                OneLine.of(orUnknown(e.ipAddress())),
                OneLine.of(e.observedAddress()),
                e.located(),
                link));
    }

    /** To IT: a device checked in after its holder left without returning it. */
    public Message seenAfterDeparture(DeviceSeenAfterDeparture e, KnownDevice device, KnownPerson person) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        return render(Templates.seenAfterDeparture(
                tag,
                deviceLine(tag, device),
                OneLine.of(person == null ? String.valueOf(e.personId()) : person.displayName()),
                String.valueOf(e.lastWorkingDay()),
                time(e.seenAt()),
                noLink(orUnknown(e.site())),
                OneLine.of(orUnknown(e.ipAddress()))));
    }

    /** To the departing person: which device to return, by when, and how. */
    public Message returnTaskOpened(ReturnTaskOpened e, KnownDevice device) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        return render(Templates.returnTaskOpened(
                tag, deviceLine(tag, device), date(e.dueOn()), e.sensitiveData(), e.reason() == ReturnReason.LOAN));
    }

    /** To the holder: the device is due back in a few days, or today. */
    public Message returnTaskReminder(ReturnTaskReminder e, KnownDevice device) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        return render(Templates.returnTaskReminder(
                tag,
                deviceLine(tag, device),
                date(e.dueOn()),
                device != null && device.sensitiveData,
                e.reason() == ReturnReason.LOAN,
                e.reminder() == ReturnTaskReminder.Reminder.DUE_TODAY));
    }

    /** To the holder: the device is overdue, and IT and their supervisor know. */
    public Message returnTaskOverdueToHolder(ReturnTaskOverdue e, KnownDevice device) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        return render(Templates.returnTaskOverdueToHolder(
                tag, deviceLine(tag, device), date(e.dueOn()), device != null && device.sensitiveData));
    }

    /** To the departing person's supervisor. */
    public Message returnTaskOpenedToSupervisor(ReturnTaskOpened e, KnownDevice device, KnownPerson person) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        return render(Templates.returnTaskOpenedToSupervisor(
                person == null ? null : OneLine.of(person.displayName()),
                tag,
                deviceLine(tag, device),
                date(e.dueOn()),
                e.sensitiveData(),
                e.reason() == ReturnReason.LOAN));
    }

    /** To IT and the supervisor: a return is overdue. */
    public Message returnTaskOverdue(ReturnTaskOverdue e, KnownDevice device, KnownPerson person) {
        String tag = device != null ? device.assetTag : e.deviceId().toString();
        String who = person == null ? String.valueOf(e.personId()) : person.displayName();
        long daysOverdue = e.dueOn() == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(e.dueOn(), clock.today()));
        return render(Templates.returnTaskOverdue(
                tag,
                OneLine.of(who),
                deviceLine(tag, device),
                date(e.dueOn()),
                e.reason() == ReturnReason.LOAN,
                Math.max(1, e.escalation()),
                daysOverdue));
    }

    // ---------------------------------------------------------------- personal devices

    /**
     * To the approvers of the owner's school: a personal device awaits their decision. To IT instead when the school has
     * none to ask, {@code missing} saying so. {@code owner} is the owner's name; the device is what the owner registered
     * (asset tag, type, make and model, never its serial number).
     */
    public Message personalDeviceRequested(PersonalDeviceDecision e, String owner, String missing, String link) {
        String tag = personalTag(e);
        return render(Templates.personalDeviceRequested(
                OneLine.of(owner),
                tag,
                OneLine.of(device(tag, e.device())),
                school(e),
                OneLine.of(orText(e.reason(), "not given")),
                e.step() == PersonalDeviceStep.RENEWAL_REQUESTED,
                OneLine.of(missing),
                link));
    }

    /** To the owner: approved until the approval's last day, and what that means. */
    public Message personalDeviceApproved(PersonalDeviceDecision e, String link) {
        String tag = personalTag(e);
        return render(
                Templates.personalDeviceApproved(tag, OneLine.of(device(tag, e.device())), date(e.expiresOn()), link));
    }

    /** To the owner: refused, with the reason; they may ask again. */
    public Message personalDeviceRefused(PersonalDeviceDecision e, String link) {
        String tag = personalTag(e);
        return render(Templates.personalDeviceRefused(
                tag, OneLine.of(device(tag, e.device())), OneLine.of(orText(e.reason(), "none given")), link));
    }

    /** To the owner: the approval ended; how to renew it. */
    public Message personalDeviceExpired(PersonalDeviceDecision e, String link) {
        String tag = personalTag(e);
        return render(
                Templates.personalDeviceExpired(tag, OneLine.of(device(tag, e.device())), date(e.expiresOn()), link));
    }

    /** To the owner: access removed, the reason, and how to get it back. */
    public Message personalDeviceAccessRemoved(PersonalDeviceDecision e, String link) {
        String tag = personalTag(e);
        return render(Templates.personalDeviceAccessRemoved(
                tag, OneLine.of(device(tag, e.device())), OneLine.of(orText(e.reason(), "none given")), link));
    }

    /** To the approvers of the owner's school (IT instead when it has none to tell, {@code missing} saying so). */
    public Message personalDeviceAccessRemovedToApprovers(
            PersonalDeviceDecision e, String owner, String missing, String link) {
        String tag = personalTag(e);
        return render(Templates.personalDeviceAccessRemovedToApprovers(
                OneLine.of(owner),
                tag,
                OneLine.of(device(tag, e.device())),
                school(e),
                OneLine.of(orText(e.reason(), "none given")),
                OneLine.of(missing),
                link));
    }

    private static String personalTag(PersonalDeviceDecision e) {
        return OneLine.of(e.assetTag() == null || e.assetTag().isBlank() ? String.valueOf(e.deviceId()) : e.assetTag());
    }

    private static String school(PersonalDeviceDecision e) {
        return e.school() == null || e.school().isBlank() ? null : OneLine.of(e.school());
    }

    // ---------------------------------------------------------------- what the templates show

    private ReportText text(ReportFacts f) {
        LossReported e = f.event();
        KnownDevice d = f.device();
        String what = d != null && d.type != null
                ? d.type.name().toLowerCase().replace('_', ' ') + " " + e.assetTag()
                : e.assetTag();
        String caseNumber =
                e.policeCaseNumber() == null || e.policeCaseNumber().isBlank() ? null : e.policeCaseNumber();
        return new ReportText(
                e.reportNumber(),
                String.valueOf(e.kind()),
                e.kind() == LossKind.STOLEN,
                OneLine.of(what),
                OneLine.of(e.school()),
                OneLine.of(device(e.assetTag(), d == null ? null : d.description())),
                d != null,
                d == null ? null : OneLine.of(d.serialNumber),
                f.holder() == null ? null : OneLine.of(f.holder().displayName()),
                OneLine.of(f.reporter() == null ? e.reportedBy() : f.reporter().displayName()),
                time(e.reportedAt()),
                time(e.lastSeenAt()),
                OneLine.of(e.lastSeenLocation()),
                OneLine.of(e.circumstances()),
                e.policeNotified(),
                OneLine.of(orUnknown(e.policeAgency())),
                OneLine.of(caseNumber),
                f.link());
    }

    /**
     * Splits a rendered template into its subject line and its body. The subject is the first line and nothing more,
     * and holds no control character, whatever a value put into it: a line break sent by a device or typed into a
     * feed can neither add a mail header nor make the message one the mail server cannot be handed.
     */
    static Message render(TemplateInstance template) {
        String text = template.render();
        int subjectEnd = text.indexOf('\n');
        int bodyStart = text.indexOf("\n\n", subjectEnd);
        return new Message(
                OneLine.of(text.substring(SUBJECT.length(), subjectEnd)).strip(),
                bodyStart < 0 ? "" : text.substring(bodyStart + 2));
    }

    private static String deviceLine(String tag, KnownDevice device) {
        return OneLine.of(device == null ? tag : device(tag, device.description()));
    }

    /** The asset tag, and the make, model and type when known (a personal device's as its owner typed them: no link). */
    private static String device(String tag, String description) {
        return description == null || description.isBlank() ? tag : tag + ", " + noLink(description);
    }

    private static String tag(LossReport r, KnownDevice d, String fallback) {
        return r != null ? r.assetTag : d != null ? d.assetTag : fallback;
    }

    private static String number(LossReport r, UUID reportId) {
        return r != null ? r.reportNumber : "report " + reportId;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : OneLine.of(note);
    }

    private String time(Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant.atZone(clock.zone())) + " (" + clock.zone() + ")";
    }

    private static String date(LocalDate date) {
        return date == null ? "unknown" : date.toString();
    }

    private static String orText(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    /**
     * A dot after a letter, mark or digit and before a letter or mark: where a host name's labels meet (a version such
     * as 13.5 is no host name, and stays).
     */
    private static final java.util.regex.Pattern LABEL_DOT =
            java.util.regex.Pattern.compile("(?<=[\\p{L}\\p{M}\\p{N}])\\.(?=[\\p{L}\\p{M}])");

    /**
     * Text that someone outside IT chose (the site a device names, a personal device's make and model as its owner
     * typed them), on one line and never a link: a thief's agent may name its site {@code www.example.org/claim}, which
     * mail clients turn into a link in IT's alert, in the district's words. Such dots are written {@code [.]}, as
     * security alerts write an address no one should follow; a site named as sites are ("Room 204 / Library", "St.
     * Mary's") reads as it was sent.
     */
    static String noLink(String text) {
        return text == null ? null : LABEL_DOT.matcher(OneLine.of(text)).replaceAll("[.]");
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
