package org.district.lossreport.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.DistrictIds;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.lossreport.entity.KnownPerson;

/** The person read model: lookups by district id and version-checked upserts from snapshots. */
@ApplicationScoped
public class KnownPersonRepository implements PanacheRepositoryBase<KnownPerson, UUID> {

    private static final String UPSERT = "insert into person_view (id, version, district_id, given_name, family_name,"
            + " email, kind, school, supervisor_id, active, departed_on, updated_at)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
            + " on conflict (id) do update set version = excluded.version, district_id = excluded.district_id,"
            + " given_name = excluded.given_name, family_name = excluded.family_name, email = excluded.email,"
            + " kind = excluded.kind, school = excluded.school, supervisor_id = excluded.supervisor_id,"
            + " active = excluded.active, departed_on = excluded.departed_on, updated_at = excluded.updated_at"
            + " where person_view.version < excluded.version";

    /** The person with this district id (the token subject of people); the newest if briefly two. */
    public Optional<KnownPerson> findByDistrictId(String districtId) {
        if (districtId == null) {
            return Optional.empty();
        }
        return find("districtId = ?1 order by updatedAt desc nulls last", DistrictIds.canonical(districtId))
                .firstResultOptional();
    }

    public Optional<KnownPerson> find(UUID id) {
        return id == null ? Optional.empty() : findByIdOptional(id);
    }

    /** Applies a snapshot unless a newer one is already stored; true if it changed the row. */
    public boolean upsert(PersonSnapshot s) {
        return getEntityManager()
                        .createNativeQuery(UPSERT)
                        .setParameter(1, s.id())
                        .setParameter(2, s.version())
                        .setParameter(3, s.districtId())
                        .setParameter(4, s.givenName())
                        .setParameter(5, s.familyName())
                        .setParameter(6, s.email())
                        .setParameter(
                                7, s.kind() == null ? "EMPLOYEE" : s.kind().name())
                        .setParameter(8, s.school())
                        .setParameter(9, s.supervisorId())
                        .setParameter(10, s.active())
                        .setParameter(11, s.departedOn())
                        .setParameter(12, s.updatedAt())
                        .executeUpdate()
                > 0;
    }
}
