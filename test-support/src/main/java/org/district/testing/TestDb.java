package org.district.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Direct reads of a service's own tables, for assertions about what a request did (and did not) store. Tests change
 * state through the APIs; {@link #execute} is for arranging what no API can (an aged row, a broken one).
 */
public final class TestDb {

    /** Opens a connection to the database. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    /** Where the test PostgreSQL is and how to sign in to it (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD). */
    public static final String HOST = env("DB_HOST", "127.0.0.1");

    public static final String PORT = env("DB_PORT", "5432");
    public static final String USER = env("DB_USER", "district");
    public static final String PASSWORD = env("DB_PASSWORD", "district-dev-only");

    private final String name;
    private final Connector connector;

    private TestDb(String name, Connector connector) {
        this.name = name;
        this.connector = connector;
    }

    /** The database behind a data source (a service's own, inside its test JVM). */
    public static TestDb of(DataSource dataSource) {
        return new TestDb("the service's database", dataSource::getConnection);
    }

    /** A database by name on the test PostgreSQL (DB_HOST, DB_PORT, DB_USER and DB_PASSWORD, else the defaults). */
    public static TestDb named(String database) {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
        return new TestDb(database, () -> DriverManager.getConnection(url, USER, PASSWORD));
    }

    /** A new connection, for tests that need one of their own (closing it is theirs). */
    public Connection connect() throws SQLException {
        return connector.connect();
    }

    /** The first column of the first row as a number (a count). */
    public long count(String sql, Object... params) {
        Object value = value(sql, params);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The first column of the first row as text; null when there is no row or the value is null. */
    public String text(String sql, Object... params) {
        Object value = value(sql, params);
        return value == null ? null : value.toString();
    }

    /** The first column of every row, as text. */
    public List<String> column(String sql, Object... params) {
        List<String> values = new ArrayList<>();
        for (Map<String, Object> row : rows(sql, params)) {
            Object v = row.values().iterator().next();
            values.add(v == null ? null : v.toString());
        }
        return values;
    }

    /** Every row, each as column label to value in select order. */
    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = connector.connect();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
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
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Row counts of the named tables, in the order given. */
    public Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
    }

    /** Runs a statement that returns no rows. */
    public void execute(String sql, Object... params) {
        try (Connection c = connector.connect();
                PreparedStatement ps = prepare(c, sql, params)) {
            ps.execute();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private Object value(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    private IllegalStateException failed(String sql, SQLException e) {
        return new IllegalStateException("Query on " + name + " failed (" + sql + "): " + e.getMessage(), e);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
