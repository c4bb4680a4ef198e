package org.district.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.inventory.PersonKind;
import org.district.inventory.entity.Person;

/** People: lookups by id and district id, and the filtered, keyset-paginated list. */
@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** Whether {@code supervisorId} is the supervisor of {@code personId}. */
    public boolean supervises(UUID supervisorId, UUID personId) {
        return count("id = ?1 and supervisor.id = ?2", personId, supervisorId) > 0;
    }

    public Optional<Person> findByDistrictId(String districtId) {
        return find("districtId", districtId).firstResultOptional();
    }

    /** The people of these district ids and ids (either list may be empty); unknown ones are left out. */
    public List<Person> findByDistrictIdsOrIds(List<String> districtIds, List<UUID> ids) {
        if (districtIds.isEmpty() && ids.isEmpty()) {
            return List.of();
        }
        return list(
                "districtId in ?1 or id in ?2",
                districtIds.isEmpty() ? List.of("") : districtIds,
                ids.isEmpty() ? List.of(new UUID(0, 0)) : ids);
    }

    /** The person, locked for update until the transaction ends. */
    public Optional<Person> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One page of people ordered by district id, reading one row more than the limit. */
    @SuppressWarnings("unchecked")
    public List<Person> search(
            String school, PersonKind kind, Boolean active, String text, String afterDistrictId, int limit) {
        StringBuilder sql = new StringBuilder("select p.* from person p where true");
        List<Object> params = new ArrayList<>();
        if (school != null) {
            sql.append(" and p.school = ?");
            params.add(school);
        }
        if (kind != null) {
            sql.append(" and p.kind = ?");
            params.add(kind.name());
        }
        if (active != null) {
            sql.append(" and p.active = ?");
            params.add(active);
        }
        if (text != null) {
            sql.append(" and (p.district_id || ' ' || p.given_name || ' ' || p.family_name || ' ' ||"
                    + " coalesce(p.email, '')) ilike ?");
            params.add("%" + DeviceRepository.escapeLike(text) + "%");
        }
        if (afterDistrictId != null) {
            sql.append(" and p.district_id > ?");
            params.add(afterDistrictId);
        }
        sql.append(" order by p.district_id limit ?");
        params.add(limit + 1);
        Query query = getEntityManager().createNativeQuery(sql.toString(), Person.class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList();
    }
}
