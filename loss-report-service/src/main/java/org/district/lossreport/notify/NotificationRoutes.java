package org.district.lossreport.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.district.contracts.DistrictIds;
import org.district.contracts.checkin.DeviceSeenAfterDeparture;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.checkin.ReturnTaskReminder;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonalDeviceDecision;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReportWrittenOff;
import org.district.contracts.lossreport.LossReported;
import org.district.lossreport.config.LinkSettings;
import org.district.lossreport.domain.Channel;
import org.district.lossreport.entity.KnownDevice;
import org.district.lossreport.entity.KnownPerson;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.entity.Notification;
import org.district.lossreport.repository.KnownDeviceRepository;
import org.district.lossreport.repository.KnownPersonRepository;
import org.district.lossreport.repository.LossReportRepository;
import org.district.lossreport.repository.NotificationRepository;
import org.district.support.messaging.ConsumedEvent;
import org.jboss.logging.Logger;

/**
 * Who is told of which event: the one table of the notifications. Two consumer groups read the events, each for its
 * own audience, so one never waits for the other: {@value #IT_NOTIFIER} tells IT (every configured address, and the
 * chat webhook when there is one), {@value #SUPERVISOR_NOTIFIER} the people responsible for the device's holder. The
 * police reminder schedule tells the reporter of a theft. Each message is recorded in the caller's transaction by
 * {@link Notifications}, in the words of {@link Messages}, and sent by the {@link DeliveryWorker}.
 */
@ApplicationScoped
public class NotificationRoutes {

    /** The consumer group that tells IT. */
    public static final String IT_NOTIFIER = "it-notifier";

    /** The consumer group that tells supervisors, school offices and departing people. */
    public static final String SUPERVISOR_NOTIFIER = "supervisor-notifier";

    /** Name under which police reminders are recorded: the schedule writes them, not a consumer group. */
    public static final String POLICE_REMINDER = "police-reminder";

    /** The event type of police reminders (caused by the schedule, not by a Kafka event). */
    public static final String POLICE_REMINDER_TYPE = "PoliceReportReminder";

    private static final Logger LOG = Logger.getLogger(NotificationRoutes.class);

    /**
     * Per consumer group, the events it tells of. IT hears of every report, recovery and write-off, of lost devices
     * seen on the network, devices used after their holder left and overdue returns (a LossReportUpdated is IT's own
     * doing). The supervisor (for a student, the school's contact) hears of a report of their person's device; for
     * return tasks (a departure or a loaner), the holder and their supervisor hear which device to return by when, the
     * holder is reminded before and on the due date and told when it is overdue, and the supervisor hears of every
     * escalation until the device is back. For personal devices, the approvers of the owner's school (IT when it has
     * none to ask) hear of each request and each removal, and the owner of every decision about their device.
     */
    private final Map<String, Map<String, Route>> table = Map.of(
            IT_NOTIFIER,
            Map.of(
                    LossReported.TYPE, this::lossReportedToIt,
                    LossReportRecovered.TYPE, this::recoveredToIt,
                    LossReportWrittenOff.TYPE, this::writtenOffToIt,
                    LostDeviceSeen.TYPE, this::lostDeviceSeenToIt,
                    DeviceSeenAfterDeparture.TYPE, this::seenAfterDepartureToIt,
                    ReturnTaskOverdue.TYPE, this::returnOverdueToIt),
            SUPERVISOR_NOTIFIER,
            Map.of(
                    LossReported.TYPE, this::lossReportedToSupervisor,
                    ReturnTaskOpened.TYPE, this::returnTaskOpenedToPersonAndSupervisor,
                    ReturnTaskReminder.TYPE, this::returnReminderToHolder,
                    ReturnTaskOverdue.TYPE, this::returnOverdueToSupervisorAndHolder,
                    PersonalDeviceDecision.TYPE, this::personalDeviceStep));

    @Inject
    Notifications notifications;

    @Inject
    Recipients recipients;

    @Inject
    Messages messages;

    @Inject
    KnownDeviceRepository devices;

    @Inject
    KnownPersonRepository people;

    @Inject
    LossReportRepository reports;

    @Inject
    LinkSettings links;

    @Inject
    NotificationRepository notificationRows;

    /** How one group tells of one kind of event. */
    @FunctionalInterface
    private interface Route {
        void tell(Cause cause);
    }

    /**
     * The event being told of, the group telling it, and the id its messages are recorded under: the event's, or for an
     * event that carries its own deduplication key (a personal device's step), that key.
     */
    private record Cause(ConsumedEvent event, String group, UUID eventId) {
        Cause(ConsumedEvent event, String group) {
            this(event, group, event.eventId());
        }

        <T> T data(Class<T> type) {
            return event.data(type);
        }

        Cause recordedAs(UUID id) {
            return new Cause(event, group, id);
        }
    }

    /**
     * Records what the consumer group tells of the event, in the caller's transaction (the one that records the event
     * as processed); nothing for the events it does not tell of.
     */
    public void tell(String group, ConsumedEvent event) {
        Route route = event.eventType() == null ? null : table.get(group).get(event.eventType());
        if (route != null) {
            route.tell(new Cause(event, group));
        }
    }

    /**
     * Records reminder number {@code number} to the reporter of a theft that the police case number is still owed;
     * false when the reporter has no email address on record. Each reminder has a deterministic id, so it is recorded
     * once however often the schedule runs.
     */
    public boolean remindOfPoliceReport(LossReport r, int number) {
        Optional<KnownPerson> reporter = r.reporterId != null ? people.find(r.reporterId) : Optional.empty();
        if (reporter.isEmpty()) {
            reporter = people.findByDistrictId(r.reportedBy);
        }
        Optional<String> email = reporter.map(p -> p.email).filter(e -> e != null && !e.isBlank());
        if (email.isEmpty()) {
            return false;
        }
        String link = links.report(r.id);
        Notification n = notification(
                r.id, r.deviceId, email.get(), Channel.EMAIL, messages.policeReminder(r, number, link), link);
        n.eventId = reminderId(r.id, number);
        n.eventType = POLICE_REMINDER_TYPE;
        n.consumer = POLICE_REMINDER;
        notifications.add(n);
        return true;
    }

    // ---------------------------------------------------------------- IT

    private void lossReportedToIt(Cause c) {
        LossReported e = c.data(LossReported.class);
        Messages.ReportFacts f = facts(e, true);
        SupervisorRoute route = supervisorRoute(f, e.school());
        toIt(c, e.reportId(), e.deviceId(), messages.lossReportedToIt(f, route), f.link());
    }

    private void recoveredToIt(Cause c) {
        LossReportRecovered e = c.data(LossReportRecovered.class);
        String link = links.report(e.reportId());
        Message message = messages.recovered(e, report(e.reportId()), device(e.deviceId()), link);
        toIt(c, e.reportId(), e.deviceId(), message, link);
    }

    private void writtenOffToIt(Cause c) {
        LossReportWrittenOff e = c.data(LossReportWrittenOff.class);
        String link = links.report(e.reportId());
        Message message = messages.writtenOff(e, report(e.reportId()), device(e.deviceId()), link);
        toIt(c, e.reportId(), e.deviceId(), message, link);
    }

    private void lostDeviceSeenToIt(Cause c) {
        LostDeviceSeen e = c.data(LostDeviceSeen.class);
        Optional<LossReport> report = e.deviceId() == null
                ? Optional.empty()
                : reports.openForDevice(e.deviceId()).or(() -> reports.latestForDevice(e.deviceId()));
        String link = report.map(r -> links.report(r.id)).orElse(null);
        Message message = messages.lostDeviceSeen(e, device(e.deviceId()), report.orElse(null), link);
        toIt(c, report.map(r -> r.id).orElse(null), e.deviceId(), message, link);
    }

    private void seenAfterDepartureToIt(Cause c) {
        DeviceSeenAfterDeparture e = c.data(DeviceSeenAfterDeparture.class);
        KnownPerson holder = people.find(e.personId()).orElse(null);
        toIt(c, null, e.deviceId(), messages.seenAfterDeparture(e, device(e.deviceId()), holder), null);
    }

    private void returnOverdueToIt(Cause c) {
        ReturnTaskOverdue e = c.data(ReturnTaskOverdue.class);
        KnownPerson holder = people.find(e.personId()).orElse(null);
        toIt(c, null, e.deviceId(), messages.returnTaskOverdue(e, device(e.deviceId()), holder), null);
    }

    // ---------------------------------------------------------------- the people responsible

    private void lossReportedToSupervisor(Cause c) {
        LossReported e = c.data(LossReported.class);
        Messages.ReportFacts f = facts(e, false);
        // The holder's supervisor, as IT's message for the same event says: never the reporter's (IT filing a report
        // for an unassigned device must not tell IT's own manager about it).
        SupervisorRoute route = supervisorRoute(f, e.school());
        if (!route.found()) {
            // IT's message for this event carries the reason, so the report is never left unannounced. The log names
            // no one: the reason holds people's names.
            LOG.infof(
                    "Report %s: no supervisor or school contact to tell (or a personal device); IT was told why",
                    e.reportNumber());
            return;
        }
        Message message = messages.lossReportedToSupervisor(f, route.who());
        email(c, e.reportId(), e.deviceId(), route.email(), message, f.link());
    }

    /**
     * Who besides IT hears of a report: the holder's supervisor or school contact, unless the device is the holder's
     * own (a personal device is its owner's and IT's business, not their supervisor's).
     */
    private SupervisorRoute supervisorRoute(Messages.ReportFacts f, String school) {
        if (f.device() != null && f.device().ownership == Ownership.PERSONAL) {
            return SupervisorRoute.none("it is the holder's personal device, which only its owner and IT hear of");
        }
        return recipients.routeFor(f.holder(), school);
    }

    private void returnTaskOpenedToPersonAndSupervisor(Cause c) {
        ReturnTaskOpened e = c.data(ReturnTaskOpened.class);
        KnownDevice d = device(e.deviceId());
        Optional<KnownPerson> person = people.find(e.personId());
        person.filter(p -> p.email != null && !p.email.isBlank())
                .ifPresent(p -> email(c, null, e.deviceId(), p.email, messages.returnTaskOpened(e, d), null));
        toSupervisorOf(c, person, e.deviceId(), () -> messages.returnTaskOpenedToSupervisor(e, d, person.orElse(null)));
    }

    private void returnReminderToHolder(Cause c) {
        ReturnTaskReminder e = c.data(ReturnTaskReminder.class);
        KnownDevice d = device(e.deviceId());
        people.find(e.personId())
                .filter(p -> p.email != null && !p.email.isBlank())
                .ifPresent(p -> email(c, null, e.deviceId(), p.email, messages.returnTaskReminder(e, d), null));
    }

    /** The supervisor hears of every escalation; the holder of the first (the one saying the device is overdue). */
    private void returnOverdueToSupervisorAndHolder(Cause c) {
        ReturnTaskOverdue e = c.data(ReturnTaskOverdue.class);
        KnownDevice d = device(e.deviceId());
        Optional<KnownPerson> person = people.find(e.personId());
        if (e.escalation() <= 1) {
            person.filter(p -> p.email != null && !p.email.isBlank())
                    .ifPresent(
                            p -> email(c, null, e.deviceId(), p.email, messages.returnTaskOverdueToHolder(e, d), null));
        }
        toSupervisorOf(c, person, e.deviceId(), () -> messages.returnTaskOverdue(e, d, person.orElse(null)));
    }

    // ---------------------------------------------------------------- personal devices

    /**
     * One step of a personal device's approval. A request goes to the approvers of the owner's school, a decision or an
     * expiry to the owner, a removal to both; where the step names no approver with an email address, IT's mailbox gets
     * the approvers' message with a line saying so. The messages are recorded under the step's own id, and a step
     * already told of is not told again: published twice (two envelopes, one step), it is still told once, to the
     * people chosen the first time.
     */
    private void personalDeviceStep(Cause c) {
        PersonalDeviceDecision e = c.data(PersonalDeviceDecision.class);
        if (e.step() == null || e.deviceId() == null) {
            LOG.warnf(
                    "Personal device step %s names no step or no device; nobody was told",
                    c.event().eventId());
            return;
        }
        Cause step = c.recordedAs(e.eventId() != null ? e.eventId() : c.event().eventId());
        if (notificationRows.anyFor(step.eventId(), step.group())) {
            LOG.debugf("Personal device step %s was told of already", step.eventId());
            return;
        }
        String link = links.personalDevice(e.deviceId());
        Optional<KnownPerson> owner = people.find(e.ownerId()).or(() -> people.findByDistrictId(e.ownerDistrictId()));
        String ownerName = owner.map(KnownPerson::displayName)
                .orElseGet(
                        () -> e.ownerDistrictId() != null ? DistrictIds.canonical(e.ownerDistrictId()) : "The owner");
        switch (e.step()) {
            case REQUESTED, RENEWAL_REQUESTED -> toApprovers(
                    step,
                    e,
                    Optional.empty(),
                    missing -> messages.personalDeviceRequested(e, ownerName, missing, link),
                    link);
            case APPROVED -> toOwner(step, e, owner, messages.personalDeviceApproved(e, link), link);
            case REFUSED -> toOwner(step, e, owner, messages.personalDeviceRefused(e, link), link);
            case EXPIRED -> toOwner(step, e, owner, messages.personalDeviceExpired(e, link), link);
            case ACCESS_REMOVED -> {
                toOwner(step, e, owner, messages.personalDeviceAccessRemoved(e, link), link);
                toApprovers(
                        step,
                        e,
                        owner,
                        missing -> messages.personalDeviceAccessRemovedToApprovers(e, ownerName, missing, link),
                        link);
            }
        }
    }

    private void toOwner(Cause c, PersonalDeviceDecision e, Optional<KnownPerson> owner, Message message, String link) {
        Optional<String> email = owner.map(p -> p.email).filter(m -> m != null && !m.isBlank());
        if (email.isEmpty()) {
            LOG.infof(
                    "Personal device %s: its owner has no email address on record and was not told of %s",
                    e.deviceId(), e.step());
            return;
        }
        email(c, null, e.deviceId(), email.get(), message, link);
    }

    /**
     * To every approver the step names who is still with the district and has an email address on record, except
     * {@code told} (an owner who is one of them and already has their own message); when the step names none with an
     * address, to IT's mailbox, the message saying so.
     */
    private void toApprovers(
            Cause c,
            PersonalDeviceDecision e,
            Optional<KnownPerson> told,
            Function<String, Message> message,
            String link) {
        List<KnownPerson> approvers = approversWithEmail(e);
        if (approvers.isEmpty()) {
            String school = e.school() == null || e.school().isBlank() ? "The owner's school" : e.school();
            boolean noneNamed = e.approverDistrictIds() == null
                    || e.approverDistrictIds().stream().allMatch(id -> id == null || id.isBlank());
            String missing = school + " has no approver on record" + (noneNamed ? "" : " with an email address");
            List<String> it = recipients.itEmails();
            if (it.isEmpty()) {
                LOG.warnf("Personal device %s: %s, and no IT address is configured", e.deviceId(), missing);
                return;
            }
            Message toIt = message.apply(missing);
            for (String email : it) {
                email(c, null, e.deviceId(), email, toIt, link);
            }
            return;
        }
        Message toApprover = message.apply(null);
        for (KnownPerson approver : approvers) {
            if (told.map(o -> o.id.equals(approver.id)).orElse(false)) {
                continue;
            }
            email(c, null, e.deviceId(), approver.email, toApprover, link);
        }
    }

    /** The people the step names as approvers (district ids in any spelling), each once, with an address to write to. */
    private List<KnownPerson> approversWithEmail(PersonalDeviceDecision e) {
        if (e.approverDistrictIds() == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : e.approverDistrictIds()) {
            if (id != null && !id.isBlank()) {
                ids.add(DistrictIds.canonical(id));
            }
        }
        List<KnownPerson> found = new ArrayList<>();
        for (String id : ids) {
            people.findByDistrictId(id)
                    .filter(p -> p.active && p.email != null && !p.email.isBlank())
                    .ifPresent(found::add);
        }
        return found;
    }

    // ---------------------------------------------------------------- helpers

    /** A LossReported event completed with what this service knows: the device, holder, reporter and report. */
    private Messages.ReportFacts facts(LossReported e, boolean withContactPhone) {
        KnownPerson holder = people.find(e.holderId()).orElse(null);
        KnownPerson reporter = people.findByDistrictId(e.reportedBy()).orElse(null);
        String phone = withContactPhone && e.reportId() != null
                ? reports.findByIdOptional(e.reportId())
                        .map(r -> r.contactPhone)
                        .orElse(null)
                : null;
        return new Messages.ReportFacts(e, device(e.deviceId()), holder, reporter, phone, links.report(e.reportId()));
    }

    private KnownDevice device(UUID id) {
        return id == null ? null : devices.findById(id);
    }

    private LossReport report(UUID id) {
        return id == null ? null : reports.findById(id);
    }

    private void toIt(Cause c, UUID reportId, UUID deviceId, Message message, String link) {
        for (String email : recipients.itEmails()) {
            record(c, reportId, deviceId, email, Channel.EMAIL, message, link);
        }
        if (recipients.itWebhookConfigured()) {
            record(c, reportId, deviceId, Recipients.IT_WEBHOOK, Channel.WEBHOOK, message, link);
        }
    }

    /** To the person's supervisor, when they have one with an email address; the message is written only then. */
    private void toSupervisorOf(Cause c, Optional<KnownPerson> person, UUID deviceId, Supplier<Message> message) {
        recipients
                .supervisorOf(person.orElse(null))
                .ifPresent(boss -> email(c, null, deviceId, boss.email, message.get(), null));
    }

    private void email(Cause c, UUID reportId, UUID deviceId, String email, Message message, String link) {
        record(c, reportId, deviceId, email, Channel.EMAIL, message, link);
    }

    private void record(
            Cause c, UUID reportId, UUID deviceId, String recipient, Channel channel, Message message, String link) {
        Notification n = notification(reportId, deviceId, recipient, channel, message, link);
        n.eventId = c.eventId();
        n.eventType = c.event().eventType();
        n.consumer = c.group();
        notifications.add(n);
    }

    /**
     * A message to one recipient through one channel. With the event that causes it, it identifies the message, so
     * one event never makes two messages to one recipient; {@code link} is the page the message points to, if any.
     */
    private static Notification notification(
            UUID reportId, UUID deviceId, String recipient, Channel channel, Message message, String link) {
        Notification n = new Notification();
        n.reportId = reportId;
        n.deviceId = deviceId;
        n.recipient = recipient;
        n.channel = channel;
        n.subject = message.subject();
        n.body = message.body();
        n.link = link;
        return n;
    }

    private static UUID reminderId(UUID reportId, int number) {
        return UUID.nameUUIDFromBytes(("police-reminder:" + reportId + ":" + number).getBytes(StandardCharsets.UTF_8));
    }
}
