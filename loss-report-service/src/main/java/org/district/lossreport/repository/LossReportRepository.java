package org.district.lossreport.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.inventory.Ownership;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.entity.LossReportEntry;
import org.district.support.sql.QueryTexts;

/** Loss reports: lookups, the one open report of a device, filtered keyset pages, report numbers, reminders due. */
@ApplicationScoped
public class LossReportRepository implements PanacheRepositoryBase<LossReport, UUID> {

    private static final long REMINDER_LOCK = 0x706F6C696365L;

    /** A position in a list ordered newest first: the last row of the previous page. */
    public record After(Instant reportedAt, UUID id) {}

    public Optional<LossReport> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<LossReport> openForDevice(UUID deviceId) {
        return find("deviceId = ?1 and status = org.district.contracts.lossreport.LossReportStatus.OPEN", deviceId)
                .firstResultOptional();
    }

    /** The newest report of a device, open or not. */
    public Optional<LossReport> latestForDevice(UUID deviceId) {
        return find("deviceId = ?1 order by reportedAt desc", deviceId).firstResultOptional();
    }

    /** The next number in the district's single report sequence. */
    public long nextNumber() {
        return ((Number) getEntityManager()
                        .createNativeQuery("select nextval('loss_report_number_seq')")
                        .getSingleResult())
                .longValue();
    }

    /**
     * Serializes work on one device across replicas until the transaction ends: two people reporting the same device
     * at the same moment are handled one after the other, so the second sees the first's report.
     */
    public void lockDevice(UUID deviceId) {
        getEntityManager()
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(1, ?1)) as locked")
                .setParameter(1, (int) (deviceId.getMostSignificantBits() ^ deviceId.getLeastSignificantBits()))
                .getSingleResult();
    }

    /** One page, newest first; {@code limit + 1} rows are read so the caller knows whether more follow. */
    public List<LossReport> search(ReportFilter filter, After after, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.status() != null) {
            q.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.kind() != null) {
            q.append(" and kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.school() != null) {
            q.append(" and upper(school) = upper(:school)");
            params.and("school", filter.school());
        }
        if (filter.deviceId() != null) {
            q.append(" and deviceId = :device");
            params.and("device", filter.deviceId());
        }
        if (filter.reportedFrom() != null) {
            q.append(" and reportedAt >= :from");
            params.and("from", filter.reportedFrom());
        }
        if (filter.reportedBefore() != null) {
            q.append(" and reportedAt < :before");
            params.and("before", filter.reportedBefore());
        }
        if (filter.visibleTo() != null) {
            List<String> who = new ArrayList<>();
            who.add("reportedBy = :me");
            who.add("holderDistrictId = :me");
            params.and("me", filter.visibleTo());
            if (filter.supervisorId() != null) {
                // Their people's district devices: a team member's personal device is not their supervisor's concern.
                who.add("(holderId in (select p.id from KnownPerson p where p.supervisorId = :boss)"
                        + " and (deviceId is null or deviceId not in"
                        + " (select d.id from KnownDevice d where d.ownership = :personal)))");
                params.and("boss", filter.supervisorId()).and("personal", Ownership.PERSONAL);
            }
            q.append(" and (").append(String.join(" or ", who)).append(")");
        }
        if (after != null) {
            q.append(" and (reportedAt < :afterAt or (reportedAt = :afterAt and id < :afterId))");
            params.and("afterAt", after.reportedAt()).and("afterId", after.id());
        }
        q.append(" order by reportedAt desc, id desc");
        // Every device page asks this: its first parse is made once, not by each request of a replica's first burst.
        TypedQuery<LossReport> query =
                QueryTexts.create(getEntityManager(), "from LossReport where " + q, LossReport.class);
        params.map().forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }

    /** Open thefts whose police reminder is due, locked for this transaction (other replicas skip them). */
    @SuppressWarnings("unchecked")
    public List<LossReport> dueForPoliceReminder(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from loss_report where police_report_owed and status = 'OPEN'"
                                + " and next_police_reminder_at <= ?1 order by next_police_reminder_at"
                                + " limit ?2 for update skip locked",
                        LossReport.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /**
     * Whether this transaction may send police reminders: one replica at a time does (the lock is held until the
     * transaction ends; the others skip their turn).
     */
    public boolean tryLockPoliceReminders() {
        return (Boolean) getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, REMINDER_LOCK)
                .getSingleResult();
    }

    public void addEntry(LossReportEntry entry) {
        getEntityManager().persist(entry);
    }

    public List<LossReportEntry> entries(UUID reportId) {
        return getEntityManager()
                .createQuery("from LossReportEntry where reportId = ?1 order by id", LossReportEntry.class)
                .setParameter(1, reportId)
                .getResultList();
    }

    /** Open reports: how many in all, lost, stolen, and thefts still owing a police case number. */
    public long[] openCounts() {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("select count(*), count(*) filter (where kind = 'LOST'),"
                        + " count(*) filter (where kind = 'STOLEN'), count(*) filter (where police_report_owed)"
                        + " from loss_report where status = 'OPEN'")
                .getSingleResult();
        long[] counts = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            counts[i] = ((Number) row[i]).longValue();
        }
        return counts;
    }
}
