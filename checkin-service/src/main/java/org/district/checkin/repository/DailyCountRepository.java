package org.district.checkin.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.district.support.sql.AdvisoryLocks;

/** Check-ins and overdue devices per district day ({@code daily_count}), counted by one replica at a time. */
@ApplicationScoped
public class DailyCountRepository {

    /** The advisory lock that lets one replica count at a time. */
    static final long LOCK = 0x636b696e64617973L;

    @Inject
    AgroalDataSource dataSource;

    /** One day's numbers; {@code overdue} is null for a day whose overdue count was never taken. */
    public record DailyCount(LocalDate day, long checkIns, Long overdue) {}

    /**
     * In one transaction holding the count lock (or not at all, answering false, when another replica holds it):
     * counts the check-ins received on {@code yesterday} and {@code today} (district days of {@code zone}), and records
     * today's {@code overdue}; yesterday keeps the overdue count it was given last.
     */
    public boolean record(LocalDate today, ZoneId zone, long overdue, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return false;
                }
                upsert(c, today.minusDays(1), count(c, today.minusDays(1), zone), null, now);
                upsert(c, today, count(c, today, zone), overdue, now);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The days from {@code first} to {@code last} that have numbers, oldest first. */
    public List<DailyCount> between(LocalDate first, LocalDate last) throws SQLException {
        List<DailyCount> days = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select day, check_ins, overdue from daily_count"
                        + " where day between ? and ? order by day")) {
            ps.setObject(1, first);
            ps.setObject(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long overdue = rs.getLong(3);
                    days.add(new DailyCount(
                            rs.getObject(1, LocalDate.class), rs.getLong(2), rs.wasNull() ? null : overdue));
                }
            }
        }
        return days;
    }

    private static long count(Connection c, LocalDate day, ZoneId zone) throws SQLException {
        // Bounded by received_at, so only the day's one or two partitions are read.
        try (PreparedStatement ps =
                c.prepareStatement("select count(*) from checkin_history where received_at >= ? and received_at < ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), zone));
            ps.setObject(
                    2,
                    OffsetDateTime.ofInstant(day.plusDays(1).atStartOfDay(zone).toInstant(), zone));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void upsert(Connection c, LocalDate day, long checkIns, Long overdue, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into daily_count (day, check_ins, overdue, counted_at)"
                + " values (?, ?, ?, ?) on conflict (day) do update set check_ins = excluded.check_ins,"
                + " overdue = coalesce(excluded.overdue, daily_count.overdue), counted_at = excluded.counted_at")) {
            ps.setObject(1, day);
            ps.setLong(2, checkIns);
            ps.setObject(3, overdue);
            ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneId.of("UTC")));
            ps.executeUpdate();
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        return AdvisoryLocks.tryForTransaction(c, LOCK);
    }
}
