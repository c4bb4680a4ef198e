package org.district.checkin.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.district.checkin.entity.Offboarding;

/** Offboardings, one per request HR sends. */
@ApplicationScoped
public class OffboardingRepository implements PanacheRepositoryBase<Offboarding, UUID> {

    /** The person's offboarding for that last working day (the earliest, should there be several). */
    public Optional<Offboarding> forDay(UUID personId, LocalDate lastWorkingDay) {
        return find("personId = ?1 and lastWorkingDay = ?2 order by requestedAt", personId, lastWorkingDay)
                .firstResultOptional();
    }

    /**
     * Writes the transaction's changes and reads the offboarding back from a cleared persistence context, so that
     * what follows sees the return tasks as the native statements left them.
     */
    public Offboarding reread(UUID id) {
        flush();
        getEntityManager().clear();
        return findById(id);
    }
}
