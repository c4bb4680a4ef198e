package org.district.inventory;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.district.testing.TestDb;

/** The registry's tables, for tests that check what a request did (or did not) write. */
final class Db {

    /** The tables every write of the registry touches. */
    static final List<String> TABLES =
            List.of("device", "person", "assignment", "device_history", "person_history", "outbox_event");

    private Db() {}

    static long count(DataSource ds, String sql, Object... params) {
        return TestDb.of(ds).count(sql, params);
    }

    /** Row counts of every registry table. */
    static Map<String, Long> counts(DataSource ds) {
        return TestDb.of(ds).counts(TABLES);
    }
}
