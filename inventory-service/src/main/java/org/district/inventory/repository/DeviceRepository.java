package org.district.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.district.inventory.domain.DeviceFilter;
import org.district.inventory.domain.DeviceOrder;
import org.district.inventory.entity.Device;

/** Devices: lookups by id, tag and serial number, and the filtered, keyset-paginated search. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    public Optional<Device> findByAssetTag(String assetTag) {
        return find("assetTag", assetTag).firstResultOptional();
    }

    public Optional<Device> findBySerialNumber(String serialNumber) {
        return find("serialNumber", serialNumber).firstResultOptional();
    }

    /** The device with its holder, read in one statement (what a view of it shows). */
    public Optional<Device> findWithAssignee(UUID id) {
        return find("from Device d left join fetch d.assignee where d.id = ?1", id)
                .firstResultOptional();
    }

    /** The device, locked for update until the transaction ends, so concurrent status changes serialize. */
    public Optional<Device> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * One page of devices matching the filter, in the order asked for (ties broken by asset tag), starting after the
     * device whose asset tag is {@code afterAssetTag} in that order, each with its holder. Reads one row more than the
     * limit so the caller knows whether there is a next page.
     *
     * <p>A text search has two good plans, and the planner cannot tell which one a fragment needs: it estimates how
     * many devices contain a fragment from statistics, and a rare five-digit fragment estimated at 1 % of a million
     * devices made it walk the asset-tag index through the whole table (1.5 s) instead of asking the trigram index
     * (milliseconds). So the search counts first, through the trigram index only and never past
     * {@code textMatchCap} (2,000 unless configured): up to that many matches are fetched by that index and sorted
     * (bounded work, whatever the estimate); more matches than that are dense enough for the walk in asset-tag order
     * to fill a page at once. The plan settings are transaction-local, so the caller's transaction is mandatory.
     *
     * <p>The page's ids come from that native statement, whose plan is the one above; the devices and their holders
     * then come in one HQL statement by those ids. Not one native statement with an entity and a joined holder: Hibernate
     * keeps every such statement's interpretation under keys that never match each other but share one hash, so each
     * search compared itself with all the earlier ones (a flight recording of the inventory benchmark showed a third of
     * the service's CPU there, and the search's p99 growing with every run).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Device> search(
            DeviceFilter filter, DeviceOrder order, String afterAssetTag, int limit, int textMatchCap) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" and d.status in (")
                    .append(filter.statuses().stream().map(s -> "?").collect(Collectors.joining(",")))
                    .append(")");
            filter.statuses().forEach(s -> params.add(s.name()));
        }
        if (filter.type() != null) {
            where.append(" and d.type = ?");
            params.add(filter.type().name());
        }
        if (filter.school() != null) {
            where.append(" and d.school = ?");
            params.add(filter.school());
        }
        if (filter.ownership() != null) {
            where.append(" and d.ownership = ?");
            params.add(filter.ownership().name());
        }
        if (filter.sensitive() != null) {
            where.append(" and d.sensitive_data = ?");
            params.add(filter.sensitive());
        }
        holders("d", filter, where, params);
        if (filter.text() != null) {
            // Matches the trigram index device_text_idx.
            where.append(" and (d.asset_tag || ' ' || d.serial_number || ' ' || d.make || ' ' || d.model) ilike ?");
            params.add("%" + escapeLike(filter.text()) + "%");
        }
        String direction = order.descending() ? " desc" : "";
        StringBuilder orderBy = new StringBuilder();
        order.key()
                .columns()
                .forEach(c -> orderBy.append("d.").append(c).append(direction).append(", "));
        orderBy.append("d.asset_tag").append(direction);
        if (afterAssetTag != null) {
            // The keyset: the row after the last one of the previous page, in this order (each index ends in the tag).
            String after = order.descending() ? " < " : " > ";
            if (order.key().columns().isEmpty()) {
                where.append(" and d.asset_tag").append(after).append("?");
                params.add(afterAssetTag);
            } else {
                String columns = String.join(", ", order.key().columns());
                where.append(" and (")
                        .append(order.key().columns().stream()
                                .map(c -> "d." + c)
                                .collect(Collectors.joining(", ")))
                        .append(", d.asset_tag)")
                        .append(after)
                        .append("(select ")
                        .append(columns)
                        .append(", asset_tag from device v where v.asset_tag = ?");
                params.add(afterAssetTag);
                // For a caller who does not see everything, the cursor names a device they may see, or none: its
                // values are never another's to compare. (IT's cursor continues whatever became of its device.)
                if (filter.narrowed()) {
                    holders("v", filter, where, params);
                }
                where.append(")");
            }
        }
        String page = "select d.id from device d" + where + " order by " + orderBy + " limit ?";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit + 1);
        if (filter.text() == null) {
            return devices(page, pageParams);
        }
        // Index-only plans for this transaction's next statements: bitmap scans (the trigram index) stay allowed.
        Object[] previous = (Object[]) getEntityManager()
                .createNativeQuery("select current_setting('enable_seqscan'), current_setting('enable_indexscan'),"
                        + " set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)")
                .getSingleResult();
        try {
            List<Object> countParams = new ArrayList<>(params);
            countParams.add(textMatchCap + 1);
            long matches = ((Number) bind(
                                    getEntityManager()
                                            .createNativeQuery("select count(*) from (select 1 from device d" + where
                                                    + " limit ?) m"),
                                    countParams)
                            .getSingleResult())
                    .longValue();
            if (matches <= textMatchCap) {
                return devices(page, pageParams);
            }
        } finally {
            getEntityManager()
                    .createNativeQuery("select set_config('enable_seqscan', ?1, true),"
                            + " set_config('enable_indexscan', ?2, true)")
                    .setParameter(1, previous[0])
                    .setParameter(2, previous[1])
                    .getSingleResult();
        }
        return devices(page, pageParams);
    }

    /** The devices whose ids a page statement reads, in its order, each with its holder. */
    private List<Device> devices(String sql, List<Object> params) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = bind(getEntityManager().createNativeQuery(sql, UUID.class), params)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Device> found = new HashMap<>();
        for (Device d : getEntityManager()
                .createQuery("select d from Device d left join fetch d.assignee where d.id in :ids", Device.class)
                .setParameter("ids", ids)
                .getResultList()) {
            found.put(d.id, d);
        }
        List<Device> page = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Device d = found.get(id);
            if (d != null) {
                page.add(d);
            }
        }
        return page;
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    /**
     * The filter's holder conditions on the device aliased {@code alias}: one holder, and a supervisor's team (their own
     * devices and the district devices of the people they supervise; person_supervisor_idx finds the team).
     */
    private static void holders(String alias, DeviceFilter filter, StringBuilder where, List<Object> params) {
        if (filter.assigneeId() != null) {
            where.append(" and ").append(alias).append(".assignee_id = ?");
            params.add(filter.assigneeId());
        }
        if (filter.teamOf() != null) {
            where.append(String.format(
                    " and (%1$s.assignee_id = ? or (%1$s.ownership <> 'PERSONAL'"
                            + " and %1$s.assignee_id in (select p.id from person p where p.supervisor_id = ?)))",
                    alias));
            params.add(filter.teamOf());
            params.add(filter.teamOf());
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The advisory lock that lets one replica at a time fold the status counts' changes in. */
    public static final long STATUS_COUNT_LOCK = 0x6465766963657363L;

    private static final String KEPT_COUNTS = "select status, sum(devices) from (select school, status, devices from"
            + " device_status_count union all select school, status, devices from device_status_count_change) kept";

    private static final String FOLD = "with moved as (delete from device_status_count_change"
            + " returning school, status, devices)"
            + " insert into device_status_count (school, status, devices)"
            + " select school, status, sum(devices) from moved group by school, status"
            + " on conflict (school, status) do update set devices = device_status_count.devices + excluded.devices";

    /**
     * How many devices are in each status, of one school or of all (null): the counts the database keeps as devices
     * change (migration V9), exact as of this statement, read from a few rows per school whatever the number of
     * devices. Statuses without devices are absent.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Long> countByStatus(String school) {
        Query query = getEntityManager()
                .createNativeQuery(KEPT_COUNTS + (school == null ? "" : " where school = ?1")
                        + " group by status having sum(devices) <> 0");
        if (school != null) {
            query.setParameter(1, school);
        }
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * Folds the status counts' recorded changes into the counts, in the caller's transaction, unless another replica
     * is doing so (then nothing, and -1). Counters of no device left are removed. Returns how many counters changed.
     */
    public int foldStatusCountChanges() {
        Object locked = getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, STATUS_COUNT_LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return -1;
        }
        int changed = getEntityManager().createNativeQuery(FOLD).executeUpdate();
        getEntityManager()
                .createNativeQuery("delete from device_status_count where devices = 0")
                .executeUpdate();
        return changed;
    }
}
