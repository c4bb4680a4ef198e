package org.district.console.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Deletes what the console keeps only for a while, by its creation time; any replica may run it, each row goes once. */
final class Expiry {

    private static final Logger LOG = Logger.getLogger(Expiry.class);

    private Expiry() {}

    /** Deletes the table's rows created {@code lifetime} ago or earlier; the rows deleted, or -1 when it could not. */
    static int deleteOlderThan(DataSource dataSource, String table, Duration lifetime) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "delete from " + table + " where created_at <= now() - make_interval(secs => ?)")) {
            delete.setDouble(1, lifetime.toSeconds());
            return delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Could not delete the expired rows of %s (SQL state %s)", table, e.getSQLState());
            return -1;
        }
    }
}
