package org.district.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.inventory.PersonalAccessStatus;
import org.district.inventory.domain.PersonalDeviceFilter;
import org.district.inventory.entity.PersonalDeviceAccess;

/** Personal devices' standings: by device, the filtered list (newest request first) and the approvals due to end. */
@ApplicationScoped
public class PersonalDeviceAccessRepository implements PanacheRepositoryBase<PersonalDeviceAccess, UUID> {

    /** The standing with its device and owner, read in one statement (what a view of it shows). */
    public Optional<PersonalDeviceAccess> findWithParties(UUID deviceId) {
        return find(
                        "from PersonalDeviceAccess a join fetch a.device d left join fetch d.assignee"
                                + " join fetch a.owner where a.deviceId = ?1",
                        deviceId)
                .firstResultOptional();
    }

    /**
     * The standing, locked until the transaction ends. Callers lock the device first (as every change of a device
     * does), so two changes of one device always take their locks in the same order.
     */
    public Optional<PersonalDeviceAccess> findForUpdate(UUID deviceId) {
        return findByIdOptional(deviceId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Up to {@code limit + 1} standings matching the filter, newest request first, after the one requested at
     * {@code afterAt} for device {@code afterId} (from the newest when null), each with its device and owner.
     */
    public List<PersonalDeviceAccess> page(PersonalDeviceFilter filter, Instant afterAt, UUID afterId, int limit) {
        StringBuilder hql = new StringBuilder("from PersonalDeviceAccess a join fetch a.device d"
                + " left join fetch d.assignee join fetch a.owner o where true");
        if (!filter.everything()) {
            List<String> reach = new ArrayList<>();
            if (filter.ownerId() != null) {
                reach.add("o.id = :owner");
            }
            if (filter.schools() != null && !filter.schools().isEmpty()) {
                reach.add("upper(d.school) in :schools");
            }
            if (reach.isEmpty()) {
                return List.of();
            }
            hql.append(" and (").append(String.join(" or ", reach)).append(")");
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            hql.append(" and a.status in :statuses");
        }
        if (filter.school() != null) {
            hql.append(" and upper(d.school) = :school");
        }
        if (filter.awaitingDecision() != null) {
            String awaiting = "(a.status = :pending or a.renewalRequestedAt is not null)";
            hql.append(filter.awaitingDecision() ? " and " + awaiting : " and not " + awaiting);
        }
        if (afterAt != null) {
            hql.append(" and (a.requestedAt < :at or (a.requestedAt = :at and a.deviceId < :id))");
        }
        hql.append(" order by a.requestedAt desc, a.deviceId desc");
        TypedQuery<PersonalDeviceAccess> query =
                getEntityManager().createQuery(hql.toString(), PersonalDeviceAccess.class);
        if (!filter.everything() && filter.ownerId() != null) {
            query.setParameter("owner", filter.ownerId());
        }
        if (!filter.everything()
                && filter.schools() != null
                && !filter.schools().isEmpty()) {
            query.setParameter("schools", filter.schools());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            query.setParameter("statuses", filter.statuses());
        }
        if (filter.school() != null) {
            query.setParameter("school", filter.school().toUpperCase(Locale.ROOT));
        }
        if (filter.awaitingDecision() != null) {
            query.setParameter("pending", PersonalAccessStatus.PENDING);
        }
        if (afterAt != null) {
            query.setParameter("at", afterAt);
            query.setParameter("id", afterId);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    /**
     * Claims up to {@code limit} devices whose approval's last day was before {@code today}: their device rows are
     * locked until the transaction ends, and rows another replica holds are skipped, so replicas running the expiry at
     * the same time share the work instead of doing it twice.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimExpired(LocalDate today, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select d.id from device d join personal_device_access a on a.device_id = d.id"
                                + " where a.status = 'APPROVED' and a.expires_on < ?1"
                                + " order by a.expires_on, d.id limit ?2 for update of d skip locked",
                        UUID.class)
                .setParameter(1, today)
                .setParameter(2, limit)
                .getResultList();
    }
}
