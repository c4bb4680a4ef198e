package org.district.drills;

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

/**
 * A service's bench database, seen through the {@value #SCHEMA} schema the drills give every service: the drills
 * never touch what the benchmarks keep in {@code public}, and dropping the schema resets a service to a fresh Flyway
 * migration. Each call opens its own connection, so queries keep working after a PostgreSQL restart.
 */
final class Database {

    /** The schema the services' tables live in during drills. */
    static final String SCHEMA = "drills";

    final String name;

    Database(String name) {
        this.name = name;
    }

    static String host() {
        return System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
    }

    static String port() {
        return System.getenv().getOrDefault("DB_PORT", "5432");
    }

    /** The JDBC URL of a bench database with the drills schema first on the search path (extensions stay public). */
    static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database + "?currentSchema=" + SCHEMA + ",public";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl(name),
                System.getenv().getOrDefault("DB_USER", "district"),
                System.getenv().getOrDefault("DB_PASSWORD", "district-dev-only"));
    }

    /**
     * Drops the drills schema with everything in it and creates it empty, so the service migrates from scratch. The
     * extensions a service needs are created in {@code public}, where both the drills and the benchmarks find them.
     */
    void reset(String... extensions) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String extension : extensions) {
                s.execute("create extension if not exists " + extension + " with schema public");
            }
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
        }
    }

    /** Runs a statement; returns the update count. */
    int execute(String sql, Object... params) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** The first column of the first row as a long (0 when there is no row or it is null). */
    long number(String sql, Object... params) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return 0;
            }
            Object value = rs.getObject(1);
            return value == null ? 0 : ((Number) value).longValue();
        }
    }

    /** The first column of the first row as text (null when there is no row). */
    String text(String sql, Object... params) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Every row, as column name to value, in the query's order. */
    List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Two-column query as a map (first column to second). */
    Map<String, Long> counts(String sql, Object... params) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map<String, Object> row : rows(sql, params)) {
            var it = row.values().iterator();
            String key = String.valueOf(it.next());
            Object value = it.next();
            out.put(key, value == null ? 0 : ((Number) value).longValue());
        }
        return out;
    }

    /** Whether the database accepts a connection and a query right now. */
    boolean reachable() {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
