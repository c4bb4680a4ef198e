package org.district.checkin.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.district.checkin.domain.CheckInSource;
import org.district.checkin.domain.StoredCheckIn;
import org.district.support.sql.AdvisoryLocks;
import org.district.support.sql.NativeValues;

/**
 * The check-in history (written by {@link CheckInRepository}): a device's recent check-ins, and the table's daily
 * partitions (UTC days), created ahead of time and dropped past the retention. Rows that landed in the default
 * partition (a day whose partition did not exist yet) are moved into the day's partition when it is created.
 */
@ApplicationScoped
public class CheckInHistoryRepository {

    /** The advisory lock that lets one replica maintain the partitions at a time. */
    static final long LOCK = 0x636b696e70617274L;

    private static final DateTimeFormatter NAME = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String PREFIX = "checkin_history_p";

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    /** What one maintenance round did; {@code ran} is false when another replica held the lock. */
    public record Round(boolean ran, List<String> created, List<String> dropped) {}

    /** The device's check-ins received before {@code before}, newest first; one row more than the limit. */
    @SuppressWarnings("unchecked")
    public List<StoredCheckIn> before(UUID deviceId, Instant before, int limit) {
        List<Object[]> rows = em.createNativeQuery("select received_at, os_name, os_version, os_build,"
                        + " last_patch_date, antivirus_product, antivirus_definitions_date, disk_encrypted,"
                        + " screen_lock, site, ip_address, compliant, compliance_issues, coalesce(source, 'AGENT')"
                        + " from checkin_history"
                        + " where device_id = ?1 and received_at < ?2 order by received_at desc limit ?3")
                .setParameter(1, deviceId)
                .setParameter(2, before)
                .setParameter(3, limit + 1)
                .getResultList();
        List<StoredCheckIn> entries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            entries.add(new StoredCheckIn(
                    NativeValues.instant(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    NativeValues.date(r[4]),
                    (String) r[5],
                    NativeValues.date(r[6]),
                    (Boolean) r[7],
                    (Boolean) r[8],
                    (String) r[9],
                    (String) r[10],
                    (Boolean) r[11],
                    (String) r[12],
                    CheckInSource.valueOf((String) r[13])));
        }
        return entries;
    }

    /**
     * In one transaction holding the maintenance lock (or not at all when another replica holds it): creates the
     * partitions of {@code days} that do not exist, drops those of days before {@code firstKept}, and deletes the
     * default partition's rows before it.
     */
    public Round maintainPartitions(List<LocalDate> days, LocalDate firstKept) throws SQLException {
        List<String> created = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return new Round(false, created, dropped);
                }
                try (Statement s = c.createStatement()) {
                    // Never wait long for the table locks below: the next round retries.
                    s.execute("set local lock_timeout = '5s'");
                }
                for (LocalDate day : days) {
                    if (create(c, day)) {
                        created.add(name(day));
                    }
                }
                for (String partition : existing(c)) {
                    LocalDate day = LocalDate.parse(partition.substring(PREFIX.length()), NAME);
                    if (day.isBefore(firstKept)) {
                        try (Statement s = c.createStatement()) {
                            s.execute("drop table " + partition);
                        }
                        dropped.add(partition);
                    }
                }
                try (PreparedStatement ps =
                        c.prepareStatement("delete from checkin_history_default where received_at < ?")) {
                    ps.setObject(1, firstKept.atStartOfDay().atOffset(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return new Round(true, created, dropped);
    }

    private static boolean tryLock(Connection c) throws SQLException {
        return AdvisoryLocks.tryForTransaction(c, LOCK);
    }

    /** Creates the day's partition if missing, moving that day's rows out of the default partition. */
    private static boolean create(Connection c, LocalDate day) throws SQLException {
        String name = name(day);
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        String from = "'" + day + " 00:00:00+00'";
        String to = "'" + day.plusDays(1) + " 00:00:00+00'";
        try (Statement s = c.createStatement()) {
            // Block new rows for the default partition while its rows for this day move out.
            s.execute("lock table checkin_history_default in exclusive mode");
            s.execute("create table " + name + " (like checkin_history including defaults including constraints)");
            s.execute("insert into " + name + " select * from checkin_history_default where received_at >= " + from
                    + " and received_at < " + to);
            s.execute("delete from checkin_history_default where received_at >= " + from + " and received_at < " + to);
            s.execute("alter table checkin_history attach partition " + name + " for values from (" + from + ") to ("
                    + to + ")");
        }
        return true;
    }

    private static List<String> existing(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select c.relname from pg_inherits i"
                        + " join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent"
                        + " where p.relname = 'checkin_history' and c.relname ~ '^checkin_history_p[0-9]{8}$'"
                        + " order by c.relname");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static String name(LocalDate day) {
        return PREFIX + day.format(NAME);
    }
}
