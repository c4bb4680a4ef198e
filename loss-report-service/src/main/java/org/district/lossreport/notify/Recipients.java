package org.district.lossreport.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.district.contracts.inventory.PersonKind;
import org.district.lossreport.config.NotifySettings;
import org.district.lossreport.entity.KnownPerson;
import org.district.lossreport.repository.KnownPersonRepository;
import org.district.support.time.DistrictClock;

/** Who is told: IT's addresses and webhook from configuration, supervisors and school contacts from the read model. */
@ApplicationScoped
public class Recipients {

    /** The recipient name of IT's webhook; the URL itself stays in configuration. */
    public static final String IT_WEBHOOK = "it-webhook";

    @Inject
    NotifySettings settings;

    @Inject
    KnownPersonRepository people;

    @Inject
    DistrictClock clock;

    public List<String> itEmails() {
        return settings.itEmails().stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    public boolean itWebhookConfigured() {
        return settings.itWebhookUrl().isPresent();
    }

    /** The supervisor (or, for a student, the school contact) who hears about this person's device. */
    public SupervisorRoute routeFor(KnownPerson holder, String deviceSchool) {
        if (holder == null) {
            return SupervisorRoute.none("the device is not assigned to anyone on record");
        }
        if (holder.kind == PersonKind.STUDENT) {
            String school = holder.school != null ? holder.school : deviceSchool;
            Optional<String> contact = schoolContact(school).or(() -> schoolContact(deviceSchool));
            return contact.map(email -> SupervisorRoute.to(email, "the school office of " + school))
                    .orElseGet(() -> SupervisorRoute.none("no contact is configured for school " + school
                            + " (set district.notify.school-contacts.\"" + school + "\")"));
        }
        Optional<KnownPerson> supervisor = people.find(holder.supervisorId);
        if (supervisor.isEmpty()) {
            return SupervisorRoute.none(holder.displayName() + " has no supervisor on record");
        }
        KnownPerson boss = supervisor.get();
        if (boss.leftBy(clock.today())) {
            return SupervisorRoute.none("supervisor " + boss.displayName() + " has left the district");
        }
        if (boss.email == null || boss.email.isBlank()) {
            return SupervisorRoute.none("supervisor " + boss.displayName() + " has no email address on record");
        }
        return SupervisorRoute.to(boss.email, "supervisor " + boss.displayName());
    }

    /** The supervisor of a person, still with the district (not past their last working day), with an email address. */
    public Optional<KnownPerson> supervisorOf(KnownPerson person) {
        if (person == null) {
            return Optional.empty();
        }
        return people.find(person.supervisorId)
                .filter(p -> !p.leftBy(clock.today()) && p.email != null && !p.email.isBlank());
    }

    private Optional<String> schoolContact(String school) {
        if (school == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> entry : settings.schoolContacts().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(school.trim())
                    && entry.getValue() != null
                    && !entry.getValue().isBlank()) {
                return Optional.of(entry.getValue().trim());
            }
        }
        return Optional.empty();
    }
}
