package org.district.checkin.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.district.checkin.config.CheckinSettings;
import org.jboss.logging.Logger;

/**
 * Keeps the check-in history's daily partitions (UTC days): creates them ahead of time and drops those past the
 * retention. Every replica schedules it; an advisory lock lets one work at a time. Rows that landed in the default
 * partition (a day whose partition did not exist yet) are moved into the day's partition when it is created.
 */
@ApplicationScoped
public class HistoryPartitions {

    private static final Logger LOG = Logger.getLogger(HistoryPartitions.class);
    static final long LOCK = 0x636b696e70617274L;
    private static final DateTimeFormatter NAME = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String PREFIX = "checkin_history_p";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CheckinSettings settings;

    /** What one maintenance round did. */
    public record Round(boolean ran, List<String> created, List<String> dropped) {}

    /** Runs before check-ins are accepted (the writer starts at priority 200). */
    void onStart(@Observes @Priority(150) StartupEvent event) {
        try {
            maintain();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("History partitions not maintained at startup (%s); check-ins go to the default partition", e);
        }
    }

    @Scheduled(
            every = "${district.checkin.partition-maintenance-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            maintain();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("History partition maintenance failed (%s); retrying at the next round", e);
        }
    }

    /** Creates the partitions from yesterday to {@code history-partitions-ahead} days ahead and drops expired ones. */
    public synchronized Round maintain() throws SQLException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate firstKept = today.minusDays(settings.historyRetention().toDays());
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
                for (LocalDate day = today.minusDays(1);
                        !day.isAfter(today.plusDays(settings.historyPartitionsAhead()));
                        day = day.plusDays(1)) {
                    if (!day.isBefore(firstKept) && create(c, day)) {
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
        if (!created.isEmpty() || !dropped.isEmpty()) {
            LOG.infof("Check-in history partitions created %s, dropped %s", created, dropped);
        }
        return new Round(true, created, dropped);
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
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
