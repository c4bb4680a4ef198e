package org.district.lossreport.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.inventory.Ownership;
import org.district.lossreport.entity.KnownDevice;
import org.district.lossreport.entity.KnownPerson;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.repository.KnownDeviceRepository;
import org.district.lossreport.repository.KnownPersonRepository;
import org.district.support.security.Caller;
import org.district.support.security.Roles;

/**
 * Who may report which device and read which report, decided from the caller's token and this service's read model
 * only. Staff: devices they hold and reports they filed or whose device they hold. Supervisors: the same, plus those of
 * the district devices of the people they supervise (a personal device is its owner's). IT: everything; auditors: read
 * everything.
 */
@ApplicationScoped
public class ReportAccess {

    @Inject
    Caller caller;

    @Inject
    KnownPersonRepository people;

    @Inject
    KnownDeviceRepository devices;

    public boolean seesEverything() {
        return caller.seesEverything();
    }

    public boolean isIt() {
        return caller.is(Roles.IT_ADMIN);
    }

    public String subject() {
        return caller.subject();
    }

    public String actor() {
        return caller.actor();
    }

    public boolean mayReport(KnownDevice d) {
        if (caller.is(Roles.IT_ADMIN)) {
            return true;
        }
        String me = caller.subject();
        if (me == null) {
            return false;
        }
        if ((caller.is(Roles.STAFF) || caller.is(Roles.SUPERVISOR)) && me.equals(d.assigneeDistrictId)) {
            return true;
        }
        // A team member's personal device is its owner's and IT's: their supervisor neither sees nor reports it.
        return caller.is(Roles.SUPERVISOR) && d.ownership != Ownership.PERSONAL && supervises(d.assigneeId);
    }

    public boolean mayRead(LossReport r) {
        if (caller.seesEverything()) {
            return true;
        }
        String me = caller.subject();
        if (me == null) {
            return false;
        }
        if (me.equals(r.reportedBy) || me.equals(r.holderDistrictId)) {
            return true;
        }
        return caller.is(Roles.SUPERVISOR) && supervises(r.holderId) && !personal(r.deviceId);
    }

    /** Whether the device is someone's personal device (as far as the read model knows). */
    private boolean personal(UUID deviceId) {
        KnownDevice d = deviceId == null ? null : devices.findById(deviceId);
        return d != null && d.ownership == Ownership.PERSONAL;
    }

    /** The reporter and IT may record a police report; others who can read the report may not. */
    public boolean mayRecordPoliceReport(LossReport r) {
        return caller.is(Roles.IT_ADMIN) || Objects.equals(caller.subject(), r.reportedBy);
    }

    /** The reporter's contact phone is theirs: only they, IT and auditors see it. */
    public boolean seesContactPhone(LossReport r) {
        return caller.seesEverything() || Objects.equals(caller.subject(), r.reportedBy);
    }

    /** The caller's own person id when they act as a supervisor, to widen lists to their people's reports. */
    public Optional<UUID> supervisorPersonId() {
        if (!caller.is(Roles.SUPERVISOR)) {
            return Optional.empty();
        }
        return people.findByDistrictId(caller.subject()).map(p -> p.id);
    }

    private boolean supervises(UUID personId) {
        if (personId == null) {
            return false;
        }
        Optional<KnownPerson> me = people.findByDistrictId(caller.subject());
        Optional<KnownPerson> them = people.find(personId);
        return me.isPresent() && them.isPresent() && me.get().id.equals(them.get().supervisorId);
    }
}
