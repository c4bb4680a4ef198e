package org.district.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.district.inventory.Device;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Devices: lookups by id, tag and serial number, and the filtered, keyset-paginated search. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    public Optional<Device> findByAssetTag(String assetTag) {
        return find("assetTag", assetTag).firstResultOptional();
    }

    public Optional<Device> findBySerialNumber(String serialNumber) {
        return find("serialNumber", serialNumber).firstResultOptional();
    }

    /** The device, locked for update until the transaction ends, so concurrent status changes serialize. */
    public Optional<Device> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Text searches with at most this many matches are answered from the trigram index alone (see search). */
    @ConfigProperty(name = "district.search.text-match-cap", defaultValue = "2000")
    int textMatchCap;

    /**
     * One page of devices matching the filter, ordered by asset tag, starting after {@code afterAssetTag}. Reads one
     * row more than the limit so the caller knows whether there is a next page.
     *
     * <p>A text search has two good plans, and the planner cannot tell which one a fragment needs: it estimates how
     * many devices contain a fragment from statistics, and a rare five-digit fragment estimated at 1 % of a million
     * devices made it walk the asset-tag index through the whole table (1.5 s) instead of asking the trigram index
     * (milliseconds). So the search counts first, through the trigram index only and never past
     * {@code district.search.text-match-cap} (2,000): up to that many matches are fetched by that index and sorted
     * (bounded work, whatever the estimate); more matches than that are dense enough for the walk in asset-tag order
     * to fill a page at once. The plan settings are transaction-local, so the caller's transaction (mandatory) must
     * also cover reading the devices' lazy associations.
     */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Device> search(DeviceFilter filter, String afterAssetTag, int limit) {
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
        if (filter.assigneeId() != null) {
            where.append(" and d.assignee_id = ?");
            params.add(filter.assigneeId());
        }
        if (filter.text() != null) {
            // Matches the trigram index device_text_idx.
            where.append(" and (d.asset_tag || ' ' || d.serial_number || ' ' || d.make || ' ' || d.model) ilike ?");
            params.add("%" + escapeLike(filter.text()) + "%");
        }
        if (afterAssetTag != null) {
            where.append(" and d.asset_tag > ?");
            params.add(afterAssetTag);
        }
        String page = "select d.* from device d" + where + " order by d.asset_tag limit ?";
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

    @SuppressWarnings("unchecked")
    private List<Device> devices(String sql, List<Object> params) {
        return bind(getEntityManager().createNativeQuery(sql, Device.class), params)
                .getResultList();
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
