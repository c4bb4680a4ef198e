package org.district.checkin.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.district.checkin.entity.Person;

/** People of the read model, as offboarding finds them. */
@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** The person with the district id (the latest snapshot's, should two rows carry it). */
    public Optional<Person> byDistrictId(String districtId) {
        return getEntityManager()
                .createQuery("from Person where districtId = ?1 order by version desc", Person.class)
                .setParameter(1, districtId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }
}
