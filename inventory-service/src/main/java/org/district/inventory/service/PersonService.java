package org.district.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.inventory.PersonKind;
import org.district.inventory.config.InventorySettings;
import org.district.inventory.domain.FieldChange;
import org.district.inventory.entity.Person;
import org.district.inventory.entity.PersonHistoryEntry;
import org.district.inventory.repository.PersonRepository;
import org.district.support.domain.ConflictException;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;
import org.district.support.domain.StaleVersionException;
import org.district.support.time.DistrictClock;

/**
 * People records: created and updated by IT or HR, kept in sync nightly from HR and the student information system,
 * and the annual AUP acknowledgement. Every change is recorded and published as a snapshot.
 */
@ApplicationScoped
@Transactional
public class PersonService {

    /** How far ahead a leaving date may be announced. */
    static final int MAX_LEAVING_DAYS_AHEAD = 366;

    /** How many changes a person record's history shows. */
    static final int HISTORY_SHOWN = 500;

    @Inject
    PersonRepository people;

    @Inject
    History history;

    @Inject
    InventoryEvents events;

    /** Today in the district, and the AUP acknowledgement's period of validity. */
    @Inject
    DistrictClock clock;

    @Inject
    InventorySettings settings;

    /** What happened to one person in a create-or-update. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Person get(UUID id) {
        return people.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Person> find(UUID id) {
        return people.findByIdOptional(id);
    }

    /** Whether {@code supervisorId} is the supervisor of {@code personId}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean supervises(UUID supervisorId, UUID personId) {
        return people.supervises(supervisorId, personId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Person> findByDistrictId(String districtId) {
        return people.findByDistrictId(DeviceRules.code(districtId));
    }

    /** The people of these district ids (in any case) and ids, to name them; unknown ones are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Person> named(List<String> districtIds, List<UUID> ids) {
        return people.findByDistrictIdsOrIds(
                districtIds.stream().map(DeviceRules::code).distinct().toList(), ids);
    }

    /** One page of people ordered by district id, with one row more than {@code limit} when another page follows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Person> search(String school, PersonKind kind, Boolean active, String text, String after, int limit) {
        return people.search(school, kind, active, text, after, limit);
    }

    /** The person record's history, newest first (at most the latest {@value #HISTORY_SHOWN} changes and one more). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonHistoryEntry> history(UUID id, boolean withCharges) {
        get(id);
        List<PersonHistoryEntry> entries = history.ofPerson(id, HISTORY_SHOWN, withCharges);
        // The repository reads one entry more than asked (for pages that say whether more follow); this list does not.
        return entries.size() > HISTORY_SHOWN ? entries.subList(0, HISTORY_SHOWN) : entries;
    }

    /** Whether the person's AUP acknowledgement is recent enough today for a device to be assigned to them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean aupCurrent(Person p) {
        return p.aupCurrentOn(clock.today(), settings.aupValidDays());
    }

    /** Everything that would stop this input from being saved, without throwing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldViolation> problemsWith(PersonRequest in, Person existing) {
        List<FieldViolation> errors = new ArrayList<>();
        String districtId = DeviceRules.code(in.districtId());
        if (existing != null && !existing.districtId.equals(districtId)) {
            errors.add(new FieldViolation("districtId", "cannot change (it is " + existing.districtId + ")."));
        }
        String supervisor = DeviceRules.code(in.supervisorDistrictId());
        if (supervisor != null && !supervisor.isEmpty()) {
            if (supervisor.equals(districtId)) {
                errors.add(new FieldViolation("supervisorDistrictId", "cannot be the person themself."));
            } else if (people.findByDistrictId(supervisor).isEmpty()) {
                errors.add(new FieldViolation("supervisorDistrictId", "names no known person."));
            }
        }
        LocalDate today = clock.today();
        if (in.aupAcknowledgedOn() != null && in.aupAcknowledgedOn().isAfter(today)) {
            errors.add(new FieldViolation("aupAcknowledgedOn", "cannot be in the future."));
        }
        if (in.departedOn() != null && in.departedOn().isAfter(today.plusDays(MAX_LEAVING_DAYS_AHEAD))) {
            errors.add(new FieldViolation(
                    "departedOn", "must be at most " + MAX_LEAVING_DAYS_AHEAD + " days from today."));
        }
        return errors;
    }

    public Person create(PersonRequest in, String actor) {
        String districtId = DeviceRules.code(in.districtId());
        if (people.findByDistrictId(districtId).isPresent()) {
            throw ConflictException.onField("duplicate", "districtId", "Another person already has this district id.");
        }
        List<FieldViolation> errors = problemsWith(in, null);
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        return save(new Person(), in, actor).person();
    }

    public Person update(UUID id, PersonRequest in, Long expectedVersion, String actor) {
        Person p = lock(id);
        if (expectedVersion != null && expectedVersion != p.version) {
            throw StaleVersionException.of("person record", p.version, expectedVersion);
        }
        List<FieldViolation> errors = problemsWith(in, p);
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        return save(p, in, actor).person();
    }

    /** Creates or updates by district id (the bulk sync); the input must already be valid. */
    public Saved upsert(PersonRequest in, String actor) {
        Person p = people.findByDistrictId(DeviceRules.code(in.districtId())).orElseGet(Person::new);
        return save(p, in, actor);
    }

    /** The result of a save. */
    public record Saved(Person person, Outcome outcome) {}

    private Saved save(Person p, PersonRequest in, String actor) {
        boolean isNew = p.id == null;
        Map<String, Object> before = isNew ? Map.of() : p.trackedFields();
        Instant now = clock.now();
        // Looked up before the entity changes: the query's automatic flush would otherwise write it twice.
        String supervisor = DeviceRules.code(in.supervisorDistrictId());
        Person supervisorRecord = supervisor == null || supervisor.isEmpty()
                ? null
                : people.findByDistrictId(supervisor).orElseThrow();
        p.districtId = DeviceRules.code(in.districtId());
        p.givenName = DeviceRules.text(in.givenName());
        p.familyName = DeviceRules.text(in.familyName());
        p.email = in.email() == null ? null : DeviceRules.text(in.email().toLowerCase());
        p.kind = in.kind();
        p.school = DeviceRules.text(in.school());
        p.supervisor = supervisorRecord;
        boolean wasActive = isNew || p.active;
        p.active = in.activeOrDefault();
        // The last working day: announced ahead for someone still active (a leaving date), today when someone is set
        // inactive without one. Either way checkin-service opens the return tasks for what they hold.
        p.departedOn = p.active
                ? in.departedOn()
                : (in.departedOn() != null ? in.departedOn() : wasActive ? clock.today() : p.departedOn);
        p.aupAcknowledgedOn = in.aupAcknowledgedOn();
        List<FieldChange> changes = FieldChange.between(before, p.trackedFields());
        if (!isNew && changes.isEmpty()) {
            return new Saved(p, Outcome.UNCHANGED);
        }
        p.updatedAt = now;
        if (isNew) {
            p.id = UUID.randomUUID();
            p.createdAt = now;
            people.persist(p);
        }
        String action = isNew
                ? "CREATED"
                : wasActive && !p.active
                        ? "DEPARTED"
                        : p.active && p.departedOn != null && !p.departedOn.equals(before.get("departedOn"))
                                ? "LEAVING_DATE_SET"
                                : "UPDATED";
        history.person(p, actor, action, changes);
        events.personChanged(p, isNew ? "CREATED" : "UPDATED");
        return new Saved(p, isNew ? Outcome.CREATED : Outcome.UPDATED);
    }

    /** Records that the person acknowledged the Acceptable Use Policy today. */
    public Person acknowledgeAup(UUID id, String actor) {
        Person p = lock(id);
        LocalDate today = clock.today();
        if (today.equals(p.aupAcknowledgedOn)) {
            return p;
        }
        Map<String, Object> before = p.trackedFields();
        p.aupAcknowledgedOn = today;
        p.updatedAt = clock.now();
        history.person(p, actor, "AUP_ACKNOWLEDGED", FieldChange.between(before, p.trackedFields()));
        events.personChanged(p, "UPDATED");
        return p;
    }

    private Person lock(UUID id) {
        return people.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("person", id.toString());
    }
}
