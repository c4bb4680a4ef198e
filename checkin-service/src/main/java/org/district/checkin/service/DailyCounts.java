package org.district.checkin.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.district.checkin.repository.DailyCountRepository;
import org.district.checkin.repository.DailyCountRepository.DailyCount;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * Keeps the numbers of the last days' charts: check-ins received per district day and the devices overdue that day.
 * Every replica schedules the count; an advisory lock lets one count at a time.
 */
@ApplicationScoped
public class DailyCounts {

    private static final Logger LOG = Logger.getLogger(DailyCounts.class);

    /** As many days as a chart may ask for. */
    public static final int MAX_DAYS = 90;

    @Inject
    DailyCountRepository counts;

    @Inject
    DeviceStateService states;

    @Inject
    DistrictClock clock;

    @Scheduled(
            every = "${district.daily-counts.every:15m}",
            delayed = "${district.daily-counts.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            count();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Daily counts not taken (%s); retrying at the next round", e);
        }
    }

    /** Counts today's check-ins and overdue devices now (and yesterday's check-ins again); false when another replica is. */
    public boolean count() throws SQLException {
        long overdue = states.overdueMarked();
        return counts.record(clock.today(), clock.zone(), overdue, clock.now());
    }

    /** The last {@code days} district days up to today that have numbers, oldest first. */
    public List<DailyCount> last(int days) {
        LocalDate today = clock.today();
        try {
            return counts.between(today.minusDays(days - 1L), today);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the daily counts", e);
        }
    }
}
