package org.district.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario asks about, read from the seeded inventory: how many devices there are, about 2 % of their ids (a
 * block sample, at most 20,000) and the schools.
 */
record SampledDevices(long count, List<String> ids, List<String> schools) {

    static SampledDevices read(String jdbc) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> schools = new ArrayList<>();
        long devices;
        try (Connection c = DriverManager.getConnection(
                        jdbc,
                        System.getenv().getOrDefault("DB_USER", "district"),
                        System.getenv().getOrDefault("DB_PASSWORD", "district-dev-only"));
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from device")) {
                rs.next();
                devices = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("select id from device tablesample system (2) limit 20000")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select distinct school from device order by 1 limit 100")) {
                while (rs.next()) {
                    schools.add(rs.getString(1));
                }
            }
        }
        return new SampledDevices(devices, ids, schools);
    }

    /** One of the sampled ids, picked by {@code i} spread over the sample. */
    String id(long i) {
        return ids.get((int) (InventoryBench.mix(i) % ids.size()));
    }

    /** One of the schools, picked by {@code i}. */
    String school(long i) {
        return schools.get((int) (InventoryBench.mix(i) % schools.size()));
    }
}
