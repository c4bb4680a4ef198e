package org.district.checkin.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.checkin.entity.Person;
import org.district.contracts.DistrictIds;

/** People of the read model, as offboarding finds them. */
@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** Of these people, those who have left or have a leaving date. */
    public List<Person> departing(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("id in ?1 and (active = false or departedOn is not null)", ids);
    }

    /** The person with the district id (the latest snapshot's, should two rows carry it). */
    public Optional<Person> byDistrictId(String districtId) {
        return getEntityManager()
                .createQuery("from Person where districtId = ?1 order by version desc", Person.class)
                .setParameter(1, DistrictIds.canonical(districtId))
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }
}
