package org.district.checkin.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.district.checkin.config.CheckInSettings;
import org.district.checkin.repository.CheckInHistoryRepository;
import org.jboss.logging.Logger;

/**
 * Keeps the check-in history's daily partitions (UTC days): creates them from yesterday to {@code
 * history-partitions-ahead} days ahead and drops those past the retention. Every replica schedules it; an advisory
 * lock lets one work at a time (see {@link CheckInHistoryRepository#maintainPartitions}).
 */
@ApplicationScoped
public class HistoryPartitions {

    private static final Logger LOG = Logger.getLogger(HistoryPartitions.class);

    @Inject
    CheckInHistoryRepository history;

    @Inject
    CheckInSettings settings;

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
    public synchronized CheckInHistoryRepository.Round maintain() throws SQLException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate firstKept = today.minusDays(settings.historyRetention().toDays());
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = today.minusDays(1);
                !day.isAfter(today.plusDays(settings.historyPartitionsAhead()));
                day = day.plusDays(1)) {
            if (!day.isBefore(firstKept)) {
                days.add(day);
            }
        }
        CheckInHistoryRepository.Round round = history.maintainPartitions(days, firstKept);
        if (!round.created().isEmpty() || !round.dropped().isEmpty()) {
            LOG.infof("Check-in history partitions created %s, dropped %s", round.created(), round.dropped());
        }
        return round;
    }
}
