package org.district.systemtests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.district.testing.TestDb;

/**
 * Read access to a service's own database (the tests never write state through it), plus the wipe that gives every
 * run an empty schema before the services start.
 */
final class Db {

    final String name;
    private final TestDb db;
    private Connection counting;

    Db(String name) {
        this.name = name;
        this.db = TestDb.named(name);
    }

    Connection connect() throws SQLException {
        return db.connect();
    }

    /** Drops everything of the previous run: the services migrate an empty schema when they start. */
    void wipe() {
        try {
            db.execute("drop schema if exists public cascade");
            db.execute("create schema public");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "Cannot reset database " + name + " (run scripts/postgres.sh ensure): " + e.getMessage(), e);
        }
    }

    /** Row counts of the named tables, over one connection kept for the purpose (counted after every probe). */
    synchronized Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new TreeMap<>();
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            if (sql.length() > 0) {
                sql.append(" union all ");
            }
            sql.append("select '").append(table).append("', count(*) from ").append(table);
        }
        try {
            if (counting == null || !counting.isValid(2)) {
                counting = connect();
            }
            try (Statement s = counting.createStatement();
                    ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count rows in " + name + ": " + e.getMessage(), e);
        }
        return counts;
    }

    /** The tables of the service's schema (partitions of partitioned tables excluded). */
    List<String> tables() {
        return column("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition"
                + " order by c.relname");
    }

    long count(String sql, Object... params) {
        return db.count(sql, params);
    }

    List<String> column(String sql, Object... params) {
        return db.column(sql, params);
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
        return db.rows(sql, params);
    }

    void execute(String sql, Object... params) {
        db.execute(sql, params);
    }
}
