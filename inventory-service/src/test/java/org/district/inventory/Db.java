package org.district.inventory;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Direct reads of the test database, to check what a request did (or did not) write. */
final class Db {

    /** The tables every write of the registry touches. */
    static final List<String> TABLES =
            List.of("device", "person", "assignment", "device_history", "person_history", "outbox_event");

    private Db() {}

    static long count(AgroalDataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Row counts of every registry table. */
    static Map<String, Long> counts(AgroalDataSource ds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, count(ds, "select count(*) from " + table));
        }
        return counts;
    }
}
