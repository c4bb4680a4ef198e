package org.district.checkin.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.district.support.sql.AdvisoryLocks;
import org.jboss.logging.Logger;

/**
 * How many devices are marked overdue ({@code overdue_tally}, V15): kept by the statements that mark and unmark them,
 * so that the gauge and the daily charts read eight rows instead of counting every overdue device.
 */
@ApplicationScoped
public class OverdueTallyRepository {

    /** The advisory lock that lets one replica make the total again at a time. */
    static final long LOCK = 0x636b696e74616c6cL;

    private static final Logger LOG = Logger.getLogger(OverdueTallyRepository.class);

    /** How long the recount waits for the table before it leaves the count to the next round. */
    static final String LOCK_WAIT = "500ms";

    /** PostgreSQL's lock_not_available: the lock was not had within the lock timeout. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Inject
    AgroalDataSource dataSource;

    /**
     * A common table expression, {@code tallied}, for a statement that marks ({@code sign} "+") or unmarks ("-") the
     * devices of {@code rows} (a table expression of the same statement, with its condition if any): adds their number to
     * the row of this database session, and touches no row when there are none.
     */
    static String tallied(String rows, String sign) {
        return "tallied as (update overdue_tally set marked = marked " + sign + " (select count(*) from " + rows
                + ") where slot = pg_backend_pid() % 8 and exists (select 1 from " + rows + "))";
    }

    /** The devices marked overdue, district-wide. */
    public long total() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select coalesce(sum(marked), 0) from overdue_tally");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Makes the total again from the devices themselves when it was last made longer than {@code every} ago, so that a
     * change that bypassed the tally (a replica of an older version during an upgrade, a hand edit of the database) does
     * not stay in it. Holds the table for the count (about a second at 1,000,000 devices), so no change falls between
     * the count and the total: the statements that would change the tally meanwhile wait for it (the overdue job's, the
     * read model's, and a check-in batch in which an overdue device checks in; other check-ins do not touch it). It
     * waits at most {@value #LOCK_WAIT} for the table itself (for the transactions already holding it to end), else
     * leaves the count to the next round. One replica at a time; returns whether this one made it.
     */
    public boolean recount(Duration every) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                boolean due = AdvisoryLocks.tryForTransaction(c, LOCK) && recountDue(c, every);
                if (due) {
                    st.execute("set local max_parallel_workers_per_gather = 0");
                    st.execute("set local lock_timeout = '" + LOCK_WAIT + "'");
                    st.execute("lock table overdue_tally in exclusive mode");
                    st.execute("set local lock_timeout = 0");
                    st.executeUpdate("update overdue_tally set marked = case when slot = 0 then (select count(*)"
                            + " from device where overdue_since is not null) else 0 end,"
                            + " counted_at = case when slot = 0 then now() end");
                }
                c.commit();
                return due;
            } catch (SQLException e) {
                c.rollback();
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    LOG.infof(
                            "Devices marked overdue not counted again: the tally was busy for %s; retrying at the"
                                    + " overdue job's next round",
                            LOCK_WAIT);
                    return false;
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static boolean recountDue(Connection c, Duration every) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from overdue_tally where slot = 0"
                + " and (counted_at is null or counted_at <= now() - ? * interval '1 second')")) {
            ps.setLong(1, every.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
