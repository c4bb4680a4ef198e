package org.district.checkin.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.district.checkin.domain.OverdueFilter;
import org.district.checkin.entity.Device;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;

/**
 * Devices: the overdue, non-compliant and lost-seen lists, each keyset-paginated on an index, and the few changes made
 * to a device row outside the check-in writer and the read model (its credential, its lost-device marks).
 */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    /** Must match the predicate of device_overdue_idx and device_overdue_school_idx, so the planner uses them. */
    private static final String IN_SERVICE = "d.status not in ('RETIRED', 'WRITTEN_OFF')";

    /**
     * Devices overdue for check-in (due_on before the filter's day), oldest first, after the (dueOn, id) keyset
     * position. Reads one row more than the limit so the caller knows whether there is a next page.
     */
    @SuppressWarnings("unchecked")
    public List<Device> overdue(OverdueFilter filter, LocalDate afterDueOn, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select d.* from device d where ");
        overdueWhere(sql, params, filter);
        if (afterDueOn != null) {
            sql.append(" and (d.due_on, d.id) > (?, ?)");
            params.add(afterDueOn);
            params.add(afterId);
        }
        sql.append(" order by d.due_on, d.id limit ?");
        params.add(limit + 1);
        return bind(getEntityManager().createNativeQuery(sql.toString(), Device.class), params)
                .getResultList();
    }

    /** Overdue devices per school (only the filter's school when it names one), in school order. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> overdueCounts(OverdueFilter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select d.school, count(*) from device d where ");
        overdueWhere(sql, params, filter);
        sql.append(" group by d.school order by d.school");
        List<Object[]> rows = bind(getEntityManager().createNativeQuery(sql.toString()), params)
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * The overdue list's condition on {@code device d}, with its parameters: also what the overdue job marks and
     * unmarks devices by (DeviceStateRepository), so the published overdue state follows the list exactly.
     */
    static void overdueWhere(StringBuilder sql, List<Object> params, OverdueFilter f) {
        sql.append(IN_SERVICE).append(" and d.due_on < ?");
        params.add(f.today());
        sql.append(" and d.status in (")
                .append(f.statuses().stream().map(s -> "?").collect(Collectors.joining(",")))
                .append(")");
        f.statuses().forEach(s -> params.add(s.name()));
        if (f.school() != null) {
            sql.append(" and d.school = ?");
            params.add(f.school());
        }
        if (f.type() != null) {
            sql.append(" and d.type = ?");
            params.add(f.type().name());
        }
        if (f.assigneeId() != null) {
            sql.append(" and d.assignee_id = ?");
            params.add(f.assigneeId());
        }
        if (f.assigneeDistrictId() != null) {
            sql.append(" and d.assignee_district_id = ?");
            params.add(f.assigneeDistrictId());
        }
    }

    /** Non-compliant devices in id order after {@code afterId}; one row more than the limit. */
    @SuppressWarnings("unchecked")
    public List<Device> nonCompliant(String school, DeviceType type, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select d.* from device d where d.compliant = false");
        if (school != null) {
            sql.append(" and d.school = ?");
            params.add(school);
        }
        if (type != null) {
            sql.append(" and d.type = ?");
            params.add(type.name());
        }
        if (afterId != null) {
            sql.append(" and d.id > ?");
            params.add(afterId);
        }
        sql.append(" order by d.id limit ?");
        params.add(limit + 1);
        return bind(getEntityManager().createNativeQuery(sql.toString(), Device.class), params)
                .getResultList();
    }

    /** Devices whose last check-in broke the baseline, by school (of one school, or all when null). */
    @SuppressWarnings("unchecked")
    public Map<String, Long> nonCompliantCounts(String school) {
        Query q = getEntityManager()
                .createNativeQuery("select d.school, count(*) from device d where d.compliant = false"
                        + (school == null ? "" : " and d.school = ?1") + " group by d.school");
        if (school != null) {
            q.setParameter(1, school);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) q.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** LOST or STOLEN devices that checked in since {@code since}, most recent first. */
    @SuppressWarnings("unchecked")
    public List<Device> lostSeen(String school, Instant since, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "select d.* from device d where d.status in ('LOST', 'STOLEN') and d.lost_seen_at >= ?");
        params.add(since);
        if (school != null) {
            sql.append(" and d.school = ?");
            params.add(school);
        }
        sql.append(" order by d.lost_seen_at desc, d.id limit ?");
        params.add(limit);
        return bind(getEntityManager().createNativeQuery(sql.toString(), Device.class), params)
                .getResultList();
    }

    public long countLostSeen(String school, Instant since) {
        String sql = "select count(*) from device d where d.status in ('LOST', 'STOLEN') and d.lost_seen_at >= ?"
                + (school == null ? "" : " and d.school = ?");
        Query q = getEntityManager().createNativeQuery(sql).setParameter(1, since);
        if (school != null) {
            q.setParameter(2, school);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    /** District devices currently assigned to the person, in asset-tag order. */
    public List<Device> assignedTo(UUID personId) {
        return find(
                        "assigneeId = ?1 and ownership = ?2 and status = ?3 order by assetTag",
                        personId,
                        org.district.contracts.inventory.Ownership.DISTRICT,
                        DeviceStatus.ASSIGNED)
                .list();
    }

    /**
     * Stores the hash of a new credential for the device, replacing any earlier one; false (nothing stored) when the
     * device is a personal one whose access is not in force as the row stands now. The condition is read again on the
     * row once any concurrent change of it (a removal of access) has committed, so a removal and an issue never cross.
     */
    public boolean issueCredential(UUID id, byte[] secretSha256, Instant issuedAt, String issuedBy) {
        return getEntityManager()
                        .createNativeQuery("update device set credential_sha256 = ?1, credential_issued_at = ?2,"
                                + " credential_issued_by = ?3 where id = ?4 and (ownership <> 'PERSONAL'"
                                + " or (personal_access = 'APPROVED' and access_removed_at is null))")
                        .setParameter(1, secretSha256)
                        .setParameter(2, issuedAt.atOffset(ZoneOffset.UTC))
                        .setParameter(3, issuedBy)
                        .setParameter(4, id)
                        .executeUpdate()
                > 0;
    }

    /** Removes the device's credential; false when it had none. */
    public boolean revokeCredential(UUID id) {
        return getEntityManager()
                        .createNativeQuery("update device set credential_sha256 = null, credential_issued_at = null,"
                                + " credential_issued_by = null where id = ?1 and credential_sha256 is not null")
                        .setParameter(1, id)
                        .executeUpdate()
                > 0;
    }

    /** Forgets when a found device was last seen and alerted about as lost. */
    public void clearLostMarks(UUID id) {
        getEntityManager()
                .createNativeQuery("update device set lost_seen_at = null, lost_alerted_at = null where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
