package org.district.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.district.inventory.Device;

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

    /**
     * One page of devices matching the filter, ordered by asset tag, starting after {@code afterAssetTag}. Reads one
     * row more than the limit so the caller knows whether there is a next page.
     */
    @SuppressWarnings("unchecked")
    public List<Device> search(DeviceFilter filter, String afterAssetTag, int limit) {
        StringBuilder sql = new StringBuilder("select d.* from device d where true");
        List<Object> params = new ArrayList<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            sql.append(" and d.status in (")
                    .append(filter.statuses().stream().map(s -> "?").collect(Collectors.joining(",")))
                    .append(")");
            filter.statuses().forEach(s -> params.add(s.name()));
        }
        if (filter.type() != null) {
            sql.append(" and d.type = ?");
            params.add(filter.type().name());
        }
        if (filter.school() != null) {
            sql.append(" and d.school = ?");
            params.add(filter.school());
        }
        if (filter.ownership() != null) {
            sql.append(" and d.ownership = ?");
            params.add(filter.ownership().name());
        }
        if (filter.assigneeId() != null) {
            sql.append(" and d.assignee_id = ?");
            params.add(filter.assigneeId());
        }
        if (filter.text() != null) {
            // Matches the trigram index device_text_idx.
            sql.append(" and (d.asset_tag || ' ' || d.serial_number || ' ' || d.make || ' ' || d.model) ilike ?");
            params.add("%" + escapeLike(filter.text()) + "%");
        }
        if (afterAssetTag != null) {
            sql.append(" and d.asset_tag > ?");
            params.add(afterAssetTag);
        }
        sql.append(" order by d.asset_tag limit ?");
        params.add(limit + 1);
        Query query = getEntityManager().createNativeQuery(sql.toString(), Device.class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
