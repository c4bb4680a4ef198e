package org.district.lossreport.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportStatus;
import org.district.lossreport.config.LossReportSettings;
import org.district.lossreport.entity.KnownDevice;
import org.district.lossreport.entity.KnownPerson;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.entity.LossReportEntry;
import org.district.lossreport.repository.KnownDeviceRepository;
import org.district.lossreport.repository.KnownPersonRepository;
import org.district.lossreport.repository.LossReportRepository;
import org.district.lossreport.repository.ReportFilter;
import org.district.support.domain.ConflictException;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;
import org.district.support.domain.NotPermittedException;
import org.district.support.domain.Violations;
import org.district.support.paging.Cursors;
import org.district.support.paging.PageView;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * The rules of loss reports behind the REST API (which the IT console's pages use too): who may report which device,
 * what a report must say, one open report per device, the lifecycle (OPEN, then RECOVERED or WRITTEN_OFF), and the
 * event each change publishes in its own transaction.
 */
@ApplicationScoped
@Transactional
public class LossReportService {

    private static final Logger LOG = Logger.getLogger(LossReportService.class);

    /** Devices in these states can be reported; the others are in IT's hands or gone for good. */
    private static final Set<DeviceStatus> REPORTABLE =
            EnumSet.of(DeviceStatus.IN_STOCK, DeviceStatus.ASSIGNED, DeviceStatus.LOST, DeviceStatus.STOLEN);

    @Inject
    LossReportRepository reports;

    @Inject
    KnownDeviceRepository devices;

    @Inject
    KnownPersonRepository people;

    @Inject
    ReportAccess access;

    @Inject
    LossReportEvents events;

    @Inject
    PoliceReminders reminders;

    @Inject
    Idempotency idempotency;

    @Inject
    DistrictClock clock;

    @Inject
    LossReportSettings settings;

    @Inject
    Validator validator;

    // ---------------------------------------------------------------- filing a report

    /** Everything wrong with a report as submitted, without looking at devices; empty when it may be filed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldViolation> problemsWith(ReportRequest request) {
        List<FieldViolation> errors = new ArrayList<>(violations(request));
        errors.addAll(ReportRules.check(request, clock.now(), settings.clockTolerance(), settings.maxLastSeenAge()));
        errors.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
        return errors;
    }

    /**
     * Files a report for the caller. With an Idempotency-Key, a retry of the same request is answered with the report
     * as the first attempt filed it, and a different request with the same key is refused.
     */
    public Submission report(ReportRequest submitted, String idempotencyKey) {
        if (submitted == null) {
            throw InvalidException.of("body", "is required.");
        }
        ReportRequest request = submitted.normalized();
        String subject = access.subject();
        String key = Idempotency.checkKey(idempotencyKey);
        String hash = null;
        if (key != null) {
            hash = idempotency.hash(request);
            Optional<LossReport> first = idempotency.filedBefore(subject, key, hash);
            if (first.isPresent()) {
                return new Submission(first.get(), true);
            }
        }
        List<FieldViolation> errors = problemsWith(request);
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        KnownDevice device = resolveDevice(request);
        if (!access.mayReport(device)) {
            LOG.infof("Refused %s reporting device %s: not theirs", access.actor(), device.id);
            throw ReportRules.deviceNotFound(request.assetTag(), request.serialNumber());
        }
        reports.lockDevice(device.id);
        Optional<LossReport> open = reports.openForDevice(device.id);
        if (open.isPresent()) {
            throw ConflictException.of(
                    "report-already-open",
                    "Device " + device.assetTag + " already has an open report, " + open.get().reportNumber
                            + ". Add to that report instead of filing another.");
        }
        if (device.status != null && !REPORTABLE.contains(device.status)) {
            throw ConflictException.of(
                    "device-not-reportable",
                    "Device " + device.assetTag + " is " + device.status
                            + " and cannot be reported lost or stolen; contact IT.");
        }
        Instant now = clock.now();
        LossReport r = new LossReport();
        r.id = UUID.randomUUID();
        r.reportNumber = String.format("LR-%d-%06d", clock.year(), reports.nextNumber());
        r.deviceId = device.id;
        r.assetTag = device.assetTag;
        r.serialNumber = device.serialNumber;
        r.deviceDescription = device.description();
        r.school = device.school;
        r.holderId = device.assigneeId;
        r.holderDistrictId = device.assigneeDistrictId;
        r.kind = request.kind();
        r.status = LossReportStatus.OPEN;
        r.reportedBy = subject;
        r.reporterId = people.findByDistrictId(subject).map(p -> p.id).orElse(null);
        r.reportedAt = now;
        r.lastSeenAt = request.lastSeenAt();
        r.lastSeenLocation = request.lastSeenLocation();
        r.circumstances = request.circumstances();
        r.contactPhone = request.contactPhone();
        r.policeNotified = Boolean.TRUE.equals(request.policeNotified());
        r.policeAgency = request.policeAgency();
        r.policeCaseNumber = request.policeCaseNumber();
        r.policeReportOwed = owesPoliceReport(r);
        r.updatedAt = now;
        if (r.policeReportOwed) {
            reminders.remind(r);
        }
        reports.persist(r);
        entry(r, access.actor(), "REPORTED", null);
        events.reported(r);
        if (key != null) {
            idempotency.remember(subject, key, hash, r);
        }
        LOG.infof("%s filed %s: device %s %s", access.actor(), r.reportNumber, r.assetTag, r.kind);
        return new Submission(r, false);
    }

    // ---------------------------------------------------------------- changes by IT and the reporter

    /** IT reclassifies a report, adds police details or a note. */
    public LossReport update(UUID id, ReportUpdateRequest u) {
        if (u == null) {
            throw InvalidException.of("body", "is required.");
        }
        throwIfInvalid(violations(u));
        if (u.kind() == null
                && u.policeNotified() == null
                && blank(u.policeAgency())
                && blank(u.policeCaseNumber())
                && blank(u.note())) {
            throw InvalidException.of(
                    "body", "give at least one of kind, policeNotified, policeAgency, policeCaseNumber or note.");
        }
        LossReport r = lockOpen(id);
        String actor = access.actor();
        if (u.kind() != null && u.kind() != r.kind) {
            entry(r, actor, "RECLASSIFIED", r.kind + " to " + u.kind());
            r.kind = u.kind();
        }
        if (u.policeNotified() != null) {
            r.policeNotified = u.policeNotified();
        }
        if (!blank(u.policeAgency())) {
            r.policeAgency = u.policeAgency().strip();
        }
        if (!blank(u.policeCaseNumber())) {
            r.policeCaseNumber = u.policeCaseNumber().strip();
            r.policeNotified = true;
        }
        List<FieldViolation> errors = new ArrayList<>();
        if (!r.policeNotified && r.policeCaseNumber != null) {
            errors.add(new FieldViolation("policeNotified", "cannot be false: the report has a police case number."));
        }
        if (r.policeNotified && r.policeAgency == null) {
            errors.add(new FieldViolation("policeAgency", "is required when the police were notified."));
        }
        throwIfInvalid(errors);
        if (!blank(u.policeAgency()) || !blank(u.policeCaseNumber()) || u.policeNotified() != null) {
            entry(r, actor, "POLICE_REPORT", policeSummary(r));
        }
        String note = blank(u.note()) ? null : u.note().strip();
        if (note != null) {
            entry(r, actor, "NOTE", note);
        }
        rescheduleReminders(r);
        r.updatedAt = clock.now();
        events.updated(r, note, actor);
        return r;
    }

    /** The reporter or IT records the police agency and case number. */
    public LossReport recordPoliceReport(UUID id, PoliceReportRequest p) {
        if (p == null) {
            throw InvalidException.of("body", "is required.");
        }
        throwIfInvalid(violations(p));
        LossReport r = lockVisible(id);
        if (!access.mayRecordPoliceReport(r)) {
            throw new NotPermittedException(
                    "Only the reporter or IT can record the police report of " + r.reportNumber + ".");
        }
        requireOpen(r);
        r.policeNotified = true;
        r.policeAgency = p.policeAgency().strip();
        r.policeCaseNumber = p.policeCaseNumber().strip();
        rescheduleReminders(r);
        r.updatedAt = clock.now();
        entry(r, access.actor(), "POLICE_REPORT", policeSummary(r));
        events.updated(r, null, access.actor());
        return r;
    }

    /** IT closes a report: the device was found. */
    public LossReport recover(UUID id, RecoveryRequest recovery) {
        RecoveryRequest input = recovery == null ? new RecoveryRequest(null, null) : recovery;
        throwIfInvalid(violations(input));
        Instant now = clock.now();
        Instant at = input.recoveredAt() == null ? now : input.recoveredAt();
        if (at.isAfter(now.plus(settings.clockTolerance()))) {
            throw InvalidException.of("recoveredAt", "must not be in the future.");
        }
        LossReport r = lockOpen(id);
        if (at.isBefore(r.lastSeenAt)) {
            throw InvalidException.of("recoveredAt", "must not be before the device was last seen.");
        }
        String note = blank(input.note()) ? null : input.note().strip();
        close(r, LossReportStatus.RECOVERED, now);
        entry(r, access.actor(), "RECOVERED", note);
        events.recovered(r, at, access.actor(), note);
        return r;
    }

    /** IT closes a report: the device is given up on, and the cost owed is recorded. */
    public LossReport writeOff(UUID id, WriteOffRequest writeOff) {
        if (writeOff == null) {
            throw InvalidException.of("body", "is required.");
        }
        throwIfInvalid(violations(writeOff));
        LossReport r = lockOpen(id);
        String note = blank(writeOff.note()) ? null : writeOff.note().strip();
        r.costOwed = writeOff.costOwed();
        close(r, LossReportStatus.WRITTEN_OFF, clock.now());
        entry(
                r,
                access.actor(),
                "WRITTEN_OFF",
                "Cost owed " + writeOff.costOwed().toPlainString() + (note == null ? "" : ". " + note));
        events.writtenOff(r, access.actor(), note);
        return r;
    }

    // ---------------------------------------------------------------- reads

    /** A report the caller may read; 404 otherwise, as if it did not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LossReport get(UUID id) {
        LossReport r = reports.findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (!access.mayRead(r)) {
            LOG.infof("Refused %s reading report %s: not theirs", access.actor(), id);
            throw notFound(id);
        }
        return r;
    }

    /** One page of the reports the caller may read, newest first; {@code cursor} is the previous page's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<LossReport> search(ReportQuery query, String cursor, int limit) {
        ZoneId zone = clock.zone();
        ReportFilter filter = new ReportFilter(
                query.status(),
                query.kind(),
                query.school(),
                query.from() == null ? null : query.from().atStartOfDay(zone).toInstant(),
                query.to() == null
                        ? null
                        : query.to().plusDays(1).atStartOfDay(zone).toInstant(),
                null,
                null,
                query.deviceId());
        ReportFilter effective = access.seesEverything()
                ? filter
                : filter.narrowedTo(
                        access.subject(), access.supervisorPersonId().orElse(null));
        Cursors.Position position = Cursors.decode(cursor, 2);
        LossReportRepository.After after =
                position == null ? null : new LossReportRepository.After(position.instant(0), position.id(1));
        return PageView.of(
                reports.search(effective, after, limit), limit, r -> r, r -> Cursors.encode(r.reportedAt, r.id));
    }

    /** Open reports: in all, lost, stolen, and thefts still owing a police case number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long[] openCounts() {
        return reports.openCounts();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LossReportEntry> entries(UUID reportId) {
        return reports.entries(reportId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownPerson> caller() {
        return people.findByDistrictId(access.subject());
    }

    // ---------------------------------------------------------------- helpers

    private KnownDevice resolveDevice(ReportRequest request) {
        Optional<KnownDevice> byTag =
                request.assetTag() == null ? Optional.empty() : devices.findByAssetTag(request.assetTag());
        Optional<KnownDevice> bySerial =
                request.serialNumber() == null ? Optional.empty() : devices.findBySerialNumber(request.serialNumber());
        if (request.assetTag() != null && request.serialNumber() != null) {
            if (byTag.isEmpty() || bySerial.isEmpty()) {
                throw ReportRules.deviceNotFound(request.assetTag(), request.serialNumber());
            }
            if (!byTag.get().id.equals(bySerial.get().id)) {
                // Only someone who may report both learns that the two exist and differ.
                if (!access.mayReport(byTag.get()) || !access.mayReport(bySerial.get())) {
                    throw ReportRules.deviceNotFound(request.assetTag(), request.serialNumber());
                }
                throw InvalidException.of(
                        "serialNumber", "belongs to a different device than the asset tag; give one of them.");
            }
        }
        return byTag.or(() -> bySerial)
                .orElseThrow(() -> ReportRules.deviceNotFound(request.assetTag(), request.serialNumber()));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("loss report", id.toString());
    }

    private LossReport lockVisible(UUID id) {
        LossReport r = reports.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (!access.mayRead(r)) {
            LOG.infof("Refused %s changing report %s: not theirs", access.actor(), id);
            throw notFound(id);
        }
        return r;
    }

    private LossReport lockOpen(UUID id) {
        LossReport r = lockVisible(id);
        requireOpen(r);
        return r;
    }

    private static void requireOpen(LossReport r) {
        if (r.status != LossReportStatus.OPEN) {
            throw ConflictException.of(
                    "report-closed", "Report " + r.reportNumber + " is " + r.status + " and can no longer change.");
        }
    }

    private void close(LossReport r, LossReportStatus status, Instant now) {
        r.status = status;
        r.closedAt = now;
        r.closedBy = access.actor();
        r.policeReportOwed = false;
        r.nextPoliceReminderAt = null;
        r.updatedAt = now;
    }

    private void rescheduleReminders(LossReport r) {
        boolean owed = owesPoliceReport(r);
        if (owed && !r.policeReportOwed) {
            r.nextPoliceReminderAt = clock.now();
        } else if (!owed) {
            r.nextPoliceReminderAt = null;
        }
        r.policeReportOwed = owed;
    }

    private static boolean owesPoliceReport(LossReport r) {
        return r.kind == LossKind.STOLEN && r.policeCaseNumber == null;
    }

    private void entry(LossReport r, String actor, String action, String note) {
        LossReportEntry e = new LossReportEntry();
        e.reportId = r.id;
        e.occurredAt = clock.now();
        e.actor = actor;
        e.action = action;
        e.note = note;
        reports.addEntry(e);
    }

    private static String policeSummary(LossReport r) {
        if (!r.policeNotified) {
            return "Police not notified.";
        }
        return "Police notified: " + r.policeAgency
                + (r.policeCaseNumber == null ? ", case number owed." : ", case " + r.policeCaseNumber + ".");
    }

    private <T> List<FieldViolation> violations(T bean) {
        return new ArrayList<>(Violations.of(validator.validate(bean)));
    }

    private static void throwIfInvalid(List<FieldViolation> errors) {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
            throw new InvalidException(errors);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
