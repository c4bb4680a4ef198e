package org.district.checkin.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The removals of personal devices' access (docs/personal-devices.md): each marks the device's row
 * ({@code access_removed_at}) in a statement that changes only rows not marked yet, so however many replicas and paths
 * (inventory's snapshot, the violation job) see the same removal, one of them makes it and raises its event. Runs on
 * the connection of the caller's transaction.
 */
@ApplicationScoped
public class PersonalDeviceRepository {

    /** What a removal's event says of the device, as its row stands. */
    private static final String REMOVED_COLUMNS =
            "d.id, d.personal_access, d.serial_number, d.assignee_district_id, d.school, d.compliance_issues";

    /**
     * Personal devices inventory now has REMOVED or EXPIRED whose approval this service saw begin and whose access it
     * has not removed under that approval (the violation job may have, first). Runs in the read model's transaction,
     * which already holds these rows.
     */
    private static final String MARK_ENDED_BY_INVENTORY =
            "update device d set access_removed_at = ? where d.id = any(?)"
                    + " and d.ownership = 'PERSONAL' and d.personal_access in ('REMOVED', 'EXPIRED')"
                    + " and d.personal_approved_at is not null and d.access_removed_at is null returning "
                    + REMOVED_COLUMNS;

    /**
     * Approved personal devices, not removed yet, non-compliant without interruption since {@code cutoff} or before
     * and approved at {@code cutoff} or before (an approval gives the full grace period), in id order (the order the
     * check-in writer locks devices in, so the two never deadlock). The rows are locked, not skipped: a row a check-in
     * holds is waited for, then taken only if it still qualifies (a compliant check-in that committed meanwhile ends
     * the violation; another replica's removal marks it), so no device escapes a round by keeping its row busy.
     */
    private static final String CLAIM_VIOLATIONS = "with due as (select d.id from device d"
            + " where d.ownership = 'PERSONAL' and d.personal_access = 'APPROVED' and d.access_removed_at is null"
            + " and d.noncompliant_since <= ? and d.compliant = false and d.personal_approved_at <= ?"
            + " order by d.id limit ? for update of d)"
            + " update device d set access_removed_at = ? from due where d.id = due.id returning " + REMOVED_COLUMNS;

    /**
     * A personal device that may not be locked or located (no consent, or its approval is not in force) keeps no open
     * LOCK or LOCATE, whoever queued it (a loss report that came before the device's snapshot).
     */
    private static final String CANCEL_LOCK_AND_LOCATE = "update device_command c set status = 'CANCELLED',"
            + " cancelled_at = ?, cancelled_by = ? from device d where c.device_id = d.id and d.id = any(?)"
            + " and d.ownership = 'PERSONAL'"
            + " and not (d.personal_access = 'APPROVED' and d.access_removed_at is null and d.lock_and_locate_consent)"
            + " and c.type in ('LOCK', 'LOCATE') and c.status in ('PENDING', 'DELIVERED')";

    @Inject
    AgroalDataSource dataSource;

    /** A personal device whose access was just removed, as its row stands. */
    public record Removed(
            UUID deviceId,
            String personalAccess,
            String serialNumber,
            String ownerDistrictId,
            String school,
            String complianceIssues) {}

    /** Marks the removal of those devices' access that inventory ended (REMOVED, EXPIRED) and this service has not. */
    public List<Removed> markEndedByInventory(Collection<UUID> ids, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(MARK_ENDED_BY_INVENTORY)) {
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            return read(ps);
        }
    }

    /**
     * Claims up to {@code limit} approved personal devices non-compliant since {@code cutoff} or before (and approved
     * then or before), marking their access removed at {@code now}.
     */
    public List<Removed> claimViolations(Instant cutoff, Instant now, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLAIM_VIOLATIONS)) {
            ps.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            ps.setObject(2, cutoff.atOffset(ZoneOffset.UTC));
            ps.setInt(3, limit);
            ps.setObject(4, now.atOffset(ZoneOffset.UTC));
            return read(ps);
        }
    }

    /** Cancels the open LOCK and LOCATE commands of those personal devices that may not be locked or located. */
    public int cancelLockAndLocate(Collection<UUID> ids, Instant now, String cancelledBy) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CANCEL_LOCK_AND_LOCATE)) {
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            ps.setString(2, cancelledBy);
            ps.setArray(3, c.createArrayOf("uuid", ids.toArray()));
            return ps.executeUpdate();
        }
    }

    private static List<Removed> read(PreparedStatement ps) throws SQLException {
        List<Removed> removed = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                removed.add(new Removed(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
            }
        }
        return removed;
    }
}
