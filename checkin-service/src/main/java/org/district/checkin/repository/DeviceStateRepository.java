package org.district.checkin.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.district.checkin.domain.OverdueFilter;

/**
 * The overdue transitions of the devices' check-in state (DeviceCheckInState), by the overdue list's own rules
 * ({@link DeviceRepository#overdueWhere}), and the state columns every change of the state returns. Each claim takes
 * the rows it changes with {@code FOR UPDATE SKIP LOCKED} and changes only rows not yet in the new state, so replicas
 * running the same job at once share the rows and each transition is made (and raised) once. Runs on the connection
 * of the caller's transaction.
 */
@ApplicationScoped
public class DeviceStateRepository {

    /** The device's check-in state, as {@link #read} reads it from its first column on. */
    static final String STATE_COLUMNS = "d.id, d.state_version, d.compliant, d.compliance_issues, d.overdue_since,"
            + " d.due_on, d.last_seen_at, d.last_command_id, d.last_command_type, d.last_command_status,"
            + " d.last_command_done_at";

    /** How many columns {@link #STATE_COLUMNS} has. */
    static final int STATE_COLUMN_COUNT = 11;

    @Inject
    AgroalDataSource dataSource;

    /** A device's check-in state as stored after a change; {@code version} is its state version after it. */
    public record StateRow(
            UUID deviceId,
            long version,
            Boolean compliant,
            String complianceIssues,
            LocalDate overdueSince,
            LocalDate dueOn,
            Instant lastSeenAt,
            UUID lastCommandId,
            String lastCommandType,
            String lastCommandStatus,
            Instant lastCommandDoneAt) {}

    /**
     * Marks overdue (from the day after its due-by day) up to {@code limit} devices the overdue list holds that are not
     * marked yet, most overdue first, skipping rows another transaction holds; their states after the change. It reads
     * the index of the devices not marked yet (device_overdue_unmarked_idx, V14), not the whole overdue range. The
     * same statement adds them to the overdue tally.
     */
    public List<StateRow> claimOverdueStarted(OverdueFilter filter, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("with due as (select d.id from device d where ");
        DeviceRepository.overdueWhere(sql, params, filter);
        sql.append(" and d.overdue_since is null order by d.due_on, d.id limit ? for update of d skip locked),")
                .append(" changed as (update device d set overdue_since = d.due_on + 1,")
                .append(" state_version = d.state_version + 1 from due where d.id = due.id returning ")
                .append(STATE_COLUMNS)
                .append("), ")
                .append(OverdueTallyRepository.tallied("changed", "+"))
                .append(" select * from changed");
        params.add(limit);
        return run(sql.toString(), params);
    }

    /**
     * Ends the overdue state of up to {@code limit} marked devices the overdue list no longer holds (retired, written
     * off, lost, stolen, with IT, or due again), of those {@code ids} only when not null, skipping rows another
     * transaction holds; their states after the change. The same statement takes them from the overdue tally.
     */
    public List<StateRow> claimOverdueEnded(OverdueFilter filter, Collection<UUID> ids, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("with ended as (select d.id from device d where d.overdue_since is not");
        sql.append(" null and not (");
        DeviceRepository.overdueWhere(sql, params, filter);
        sql.append(")");
        if (ids != null) {
            sql.append(" and d.id = any(?)");
            params.add(ids);
        }
        sql.append(" order by d.id limit ? for update of d skip locked),")
                .append(" changed as (update device d set overdue_since = null, state_version = d.state_version + 1")
                .append(" from ended where d.id = ended.id returning ")
                .append(STATE_COLUMNS)
                .append("), ")
                .append(OverdueTallyRepository.tallied("changed", "-"))
                .append(" select * from changed");
        params.add(limit);
        return run(sql.toString(), params);
    }

    private List<StateRow> run(String sql, List<Object> params) throws SQLException {
        List<StateRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object param = params.get(i);
                if (param instanceof Collection<?> values) {
                    ps.setArray(i + 1, c.createArrayOf("uuid", values.toArray()));
                } else {
                    ps.setObject(i + 1, param);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs, 1));
                }
            }
        }
        return rows;
    }

    /** Reads the state columns ({@link #STATE_COLUMNS}) starting at column {@code first}. */
    static StateRow read(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new StateRow(
                rs.getObject(i, UUID.class),
                rs.getLong(i + 1),
                rs.getObject(i + 2, Boolean.class),
                rs.getString(i + 3),
                rs.getObject(i + 4, LocalDate.class),
                rs.getObject(i + 5, LocalDate.class),
                instant(rs.getTimestamp(i + 6)),
                rs.getObject(i + 7, UUID.class),
                rs.getString(i + 8),
                rs.getString(i + 9),
                instant(rs.getTimestamp(i + 10)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
