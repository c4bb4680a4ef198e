package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.checkin.entity.Device;
import org.district.checkin.entity.Offboarding;
import org.district.checkin.entity.Person;
import org.district.checkin.entity.ReturnTask;
import org.district.checkin.repository.DeviceRepository;
import org.district.checkin.repository.OffboardingRepository;
import org.district.checkin.repository.PersonRepository;
import org.district.contracts.checkin.ReturnReason;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * Return on departure: an offboarding opens one return task per district device assigned to the departing person, due
 * on their last working day. However the departure arrives (HR's offboarding request over REST or Kafka, or inventory's
 * people sync setting someone inactive or giving them a leaving date), it takes this one path, and repeating it opens
 * nothing twice: at most one open task exists per person and device.
 */
@ApplicationScoped
@Transactional
public class OffboardingService {

    private static final Logger LOG = Logger.getLogger(OffboardingService.class);
    /** How far from today a last working day may be. */
    static final int MAX_DAYS_FROM_TODAY = 366;

    @Inject
    OffboardingRepository offboardings;

    @Inject
    PersonRepository people;

    @Inject
    DeviceRepository devices;

    @Inject
    ReturnTaskService tasks;

    @Inject
    DistrictClock clock;

    /** The offboarding and the person's open return tasks after it (new and already open ones). */
    public record Result(Offboarding offboarding, List<ReturnTask> openTasks, int opened) {}

    /** Offboards the person the request names; {@code source} says how it came (REST or KAFKA). */
    public Result offboard(OffboardingRequest request, String requestedBy, String source) {
        UUID personId = request.personId();
        String districtId = request.districtId();
        LocalDate lastWorkingDay = request.lastWorkingDay();
        List<FieldViolation> errors = new ArrayList<>();
        if (personId == null && (districtId == null || districtId.isBlank())) {
            errors.add(new FieldViolation("personId", "or districtId is required."));
        }
        LocalDate today = clock.today();
        if (lastWorkingDay == null) {
            errors.add(new FieldViolation("lastWorkingDay", "is required."));
        } else if (lastWorkingDay.isBefore(today.minusDays(MAX_DAYS_FROM_TODAY))
                || lastWorkingDay.isAfter(today.plusDays(MAX_DAYS_FROM_TODAY))) {
            errors.add(new FieldViolation("lastWorkingDay", "must be within a year of today."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        Person person = resolve(personId, districtId);
        Offboarding offboarding = record(person.id, lastWorkingDay, requestedBy, source);
        int opened = openTasks(offboarding);
        Offboarding stored = offboardings.reread(offboarding.id);
        LOG.infof(
                "Offboarding %s of person %s (last day %s, %s): %d return tasks opened",
                offboarding.id, person.id, lastWorkingDay, source, opened);
        return new Result(stored, tasks.openFor(person.id), opened);
    }

    /**
     * A departure inventory's people sync shows (a person set inactive, or given a leaving date): the first time this
     * person and last working day are seen it is recorded as an offboarding (source PEOPLE_SYNC) unless HR already
     * asked for one, and the person's devices get their return tasks; seen again (a redelivered or later snapshot, or a
     * device assigned to someone already leaving) only what has no task yet gets one. Departures more than a year from
     * today are history, not work, and open nothing. Returns the number of tasks opened.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int departed(UUID personId, LocalDate lastWorkingDay) {
        LocalDate today = clock.today();
        if (lastWorkingDay.isBefore(today.minusDays(MAX_DAYS_FROM_TODAY))
                || lastWorkingDay.isAfter(today.plusDays(MAX_DAYS_FROM_TODAY))) {
            return 0;
        }
        Offboarding offboarding = offboardings
                .forDay(personId, lastWorkingDay)
                .orElseGet(() -> record(personId, lastWorkingDay, "inventory people sync", "PEOPLE_SYNC"));
        int opened = openTasks(offboarding);
        if (opened > 0) {
            LOG.infof(
                    "Departure of person %s (last day %s, people sync): %d return tasks opened",
                    personId, lastWorkingDay, opened);
        }
        return opened;
    }

    private Offboarding record(UUID personId, LocalDate lastWorkingDay, String requestedBy, String source) {
        Offboarding offboarding = new Offboarding();
        offboarding.id = UUID.randomUUID();
        offboarding.personId = personId;
        offboarding.lastWorkingDay = lastWorkingDay;
        offboarding.requestedBy = requestedBy == null ? "unknown" : requestedBy;
        offboarding.requestedAt = clock.now();
        offboarding.source = source;
        offboardings.persistAndFlush(offboarding);
        return offboarding;
    }

    /** Opens a task for each district device the person holds that has none; the number opened. */
    private int openTasks(Offboarding offboarding) {
        Instant now = clock.now();
        int opened = 0;
        for (Device device : devices.assignedTo(offboarding.personId)) {
            if (tasks.open(
                    offboarding.id,
                    ReturnReason.DEPARTURE,
                    offboarding.personId,
                    device,
                    offboarding.lastWorkingDay,
                    now)) {
                opened++;
            }
        }
        offboarding.tasksOpened += opened;
        return opened;
    }

    private Person resolve(UUID personId, String districtId) {
        Optional<Person> byId = personId == null ? Optional.empty() : people.findByIdOptional(personId);
        if (personId != null && byId.isEmpty()) {
            throw InvalidException.of("personId", "is not a person known to the district.");
        }
        if (districtId != null && !districtId.isBlank()) {
            Person match = people.byDistrictId(districtId.trim())
                    .orElseThrow(() -> InvalidException.of("districtId", "is not a person known to the district."));
            if (byId.isPresent() && !byId.get().id.equals(match.id)) {
                throw InvalidException.of("districtId", "names a different person than personId.");
            }
            return match;
        }
        return byId.orElseThrow();
    }
}
