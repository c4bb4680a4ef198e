package org.district.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read access to a service's own database (the tests never write state through it), plus the wipe that gives every
 * run an empty schema before the services start.
 */
final class Db {

    static final String HOST = env("DB_HOST", "127.0.0.1");
    static final String PORT = env("DB_PORT", "5432");
    static final String USER = env("DB_USER", "district");
    static final String PASSWORD = env("DB_PASSWORD", "district-dev-only");

    final String name;
    private Connection counting;

    Db(String name) {
        this.name = name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name, USER, PASSWORD);
    }

    /** Drops everything of the previous run: the services migrate an empty schema when they start. */
    void wipe() {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        } catch (SQLException e) {
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
        List<Map<String, Object>> rows = rows(sql, params);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    List<String> column(String sql, Object... params) {
        List<String> values = new ArrayList<>();
        for (Map<String, Object> row : rows(sql, params)) {
            Object v = row.values().iterator().next();
            values.add(v == null ? null : v.toString());
        }
        return values;
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
