package org.district.checkin.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.district.checkin.entity.Offboarding;

/** Offboardings, one per request HR sends. */
@ApplicationScoped
public class OffboardingRepository implements PanacheRepositoryBase<Offboarding, UUID> {

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
