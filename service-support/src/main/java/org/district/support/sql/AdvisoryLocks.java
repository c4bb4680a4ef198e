package org.district.support.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL advisory locks that let one replica at a time do a job (relay the outbox, keep partitions, count the day):
 * taken for the connection's current transaction, released when it ends.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {}

    /** Takes the lock {@code key} for this transaction if no other holds it; false at once when another does. */
    public static boolean tryForTransaction(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
