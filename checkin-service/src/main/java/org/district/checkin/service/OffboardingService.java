package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.checkin.Device;
import org.district.checkin.Offboarding;
import org.district.checkin.Person;
import org.district.checkin.ReturnTask;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.repository.DeviceRepository;
import org.district.checkin.repository.ReturnTaskRepository;
import org.district.support.problem.FieldViolation;
import org.district.support.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Return on departure: an offboarding opens one return task per district device assigned to the departing person, due
 * on their last working day. Repeating it (HR posting twice, or the same request over REST and Kafka) opens nothing
 * twice: at most one open task exists per person and device.
 */
@ApplicationScoped
@Transactional
public class OffboardingService {

    private static final Logger LOG = Logger.getLogger(OffboardingService.class);
    /** How far from today a last working day may be. */
    static final int MAX_DAYS_FROM_TODAY = 366;

    @Inject
    EntityManager em;

    @Inject
    DeviceRepository devices;

    @Inject
    ReturnTaskRepository tasks;

    @Inject
    CheckinEvents events;

    @Inject
    DistrictClock clock;

    /** The offboarding and the person's open return tasks after it (new and already open ones). */
    public record Result(Offboarding offboarding, List<ReturnTask> openTasks, int opened) {}

    public Result offboard(
            UUID personId, String districtId, LocalDate lastWorkingDay, String requestedBy, String source) {
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
            throw ProblemException.invalid(errors);
        }
        Person person = resolve(personId, districtId);
        Instant now = clock.now();
        Offboarding offboarding = new Offboarding();
        offboarding.id = UUID.randomUUID();
        offboarding.personId = person.id;
        offboarding.lastWorkingDay = lastWorkingDay;
        offboarding.requestedBy = requestedBy == null ? "unknown" : requestedBy;
        offboarding.requestedAt = now;
        offboarding.source = source;
        em.persist(offboarding);
        em.flush();

        int opened = 0;
        for (Device device : devices.assignedTo(person.id)) {
            UUID taskId = UUID.randomUUID();
            @SuppressWarnings("unchecked")
            List<Object> inserted = em.createNativeQuery("insert into return_task (id, offboarding_id, person_id,"
                            + " device_id, asset_tag, device_type, school, sensitive_data, due_on, status, opened_at)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'OPEN', ?10)"
                            + " on conflict (person_id, device_id) where status in ('OPEN', 'OVERDUE') do nothing"
                            + " returning id")
                    .setParameter(1, taskId)
                    .setParameter(2, offboarding.id)
                    .setParameter(3, person.id)
                    .setParameter(4, device.id)
                    .setParameter(5, device.assetTag)
                    .setParameter(6, device.type.name())
                    .setParameter(7, device.school)
                    .setParameter(8, device.sensitiveData)
                    .setParameter(9, lastWorkingDay)
                    .setParameter(10, now)
                    .getResultList();
            if (!inserted.isEmpty()) {
                opened++;
                events.returnTaskOpened(tasks.findById(taskId));
            } else {
                // Already open: a changed last working day moves the due date of a task not yet escalated.
                em.createNativeQuery("update return_task set due_on = ?1 where person_id = ?2 and device_id = ?3"
                                + " and status = 'OPEN' and due_on <> ?1")
                        .setParameter(1, lastWorkingDay)
                        .setParameter(2, person.id)
                        .setParameter(3, device.id)
                        .executeUpdate();
            }
        }
        offboarding.tasksOpened = opened;
        em.flush();
        em.clear();
        LOG.infof(
                "Offboarding %s of person %s (last day %s, %s): %d return tasks opened",
                offboarding.id, person.id, lastWorkingDay, source, opened);
        return new Result(em.find(Offboarding.class, offboarding.id), tasks.openFor(person.id), opened);
    }

    private Person resolve(UUID personId, String districtId) {
        Optional<Person> byId =
                personId == null ? Optional.empty() : Optional.ofNullable(em.find(Person.class, personId));
        if (personId != null && byId.isEmpty()) {
            throw ProblemException.invalidField("personId", "is not a person known to the district.");
        }
        if (districtId != null && !districtId.isBlank()) {
            List<Person> matches = em.createQuery(
                            "from Person where districtId = ?1 order by version desc", Person.class)
                    .setParameter(1, districtId.trim())
                    .setMaxResults(1)
                    .getResultList();
            if (matches.isEmpty()) {
                throw ProblemException.invalidField("districtId", "is not a person known to the district.");
            }
            if (byId.isPresent() && !byId.get().id.equals(matches.get(0).id)) {
                throw ProblemException.invalidField("districtId", "names a different person than personId.");
            }
            return matches.get(0);
        }
        return byId.orElseThrow();
    }
}
