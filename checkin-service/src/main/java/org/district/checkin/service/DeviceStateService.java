package org.district.checkin.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.district.checkin.domain.OverdueFilter;
import org.district.checkin.repository.DeviceStateRepository;
import org.district.checkin.repository.DeviceStateRepository.StateRow;
import org.district.checkin.repository.OverdueTallyRepository;
import org.district.contracts.checkin.DeviceCheckInState;
import org.district.contracts.checkin.DeviceCheckInState.Change;
import org.district.contracts.checkin.DeviceCheckInState.LastCommand;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * Each device's check-in state on {@code checkin.device-state.v1}: the overdue transitions (the overdue job), the end
 * of the overdue state of devices the read model moved out of the overdue list, and the records built from the stored
 * state. The check-in writer detects its own changes (compliance, the end of the overdue state, completed commands) in
 * its batch statements and builds their records here.
 */
@ApplicationScoped
public class DeviceStateService {

    private static final Logger LOG = Logger.getLogger(DeviceStateService.class);

    /** Devices changed per transaction of the overdue job. */
    static final int CHUNK = 500;

    @Inject
    DeviceStateRepository states;

    @Inject
    DeviceService devices;

    @Inject
    OverdueTallyRepository tally;

    @Inject
    CheckInEvents events;

    @Inject
    DistrictClock clock;

    /**
     * The overdue job: marks the devices the overdue list holds that are not marked yet (OVERDUE_STARTED), then unmarks
     * the marked devices it no longer holds (OVERDUE_ENDED), each chunk in a transaction of its own. Every replica may
     * run it at once: rows are claimed with SKIP LOCKED and only rows not yet in the new state change, so each
     * transition is raised once. Returns how many devices changed.
     */
    public int updateOverdue() {
        return updateOverdue(true);
    }

    /**
     * The overdue job's round: marks the devices that became overdue, and unmarks those no longer overdue when
     * {@code sweep}. Most leave the overdue list in a statement that unmarks them there and then (their check-in, the
     * read model's update that retires or reassigns them); the sweep finds the rest (a row the read model found locked,
     * a changed setting), and reads every marked device to do so, so the job sweeps less often than it marks.
     */
    public int updateOverdue(boolean sweep) {
        int started = 0;
        int ended = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> raise(states.claimOverdueStarted(filter(), CHUNK), true));
            started += n;
        } while (n == CHUNK);
        while (sweep) {
            n = QuarkusTransaction.requiringNew()
                    .call(() -> raise(states.claimOverdueEnded(filter(), null, CHUNK), false));
            ended += n;
            sweep = n == CHUNK;
        }
        if (started + ended > 0) {
            LOG.infof("Overdue for check-in: %d devices started, %d ended", started, ended);
        }
        return started + ended;
    }

    /** How many devices are marked overdue, district-wide, as the marking keeps the number (no device is read). */
    public long overdueMarked() throws SQLException {
        return tally.total();
    }

    /**
     * Makes the number of devices marked overdue again from the devices once a day (one replica; the marking waits for
     * about a second at 1,000,000 devices). Returns whether this replica made it.
     */
    public boolean recountOverdue(Duration every) throws SQLException {
        return tally.recount(every);
    }

    /**
     * Ends the overdue state of those devices the overdue list no longer holds, in the caller's transaction (the read
     * model's, after a snapshot moved them out: retired, lost, with IT, assigned anew). Rows another transaction holds
     * are skipped; the overdue job ends theirs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endOverdue(Collection<UUID> ids) throws SQLException {
        if (!ids.isEmpty()) {
            raise(states.claimOverdueEnded(filter(), ids, ids.size()), false);
        }
    }

    /** Publishes a COMPLIANCE_CHANGED record for each of the states, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complianceChanged(List<StateRow> rows) {
        Instant now = clock.now();
        events.deviceStates(rows.stream()
                .map(row -> state(row, row.version(), Change.COMPLIANCE_CHANGED, now))
                .toList());
    }

    private int raise(List<StateRow> rows, boolean started) {
        Instant now = clock.now();
        List<DeviceCheckInState> records = new ArrayList<>(rows.size());
        for (StateRow row : rows) {
            records.add(state(row, row.version(), started ? Change.OVERDUE_STARTED : Change.OVERDUE_ENDED, now));
        }
        events.deviceStates(records);
        return rows.size();
    }

    /** The devices the overdue list holds today: its own filter, every school, type and holder. */
    private OverdueFilter filter() {
        return devices.allOverdue(null);
    }

    /** The record of a stored state at {@code version}, its last command as stored. */
    public static DeviceCheckInState state(StateRow row, long version, Change change, Instant changedAt) {
        LastCommand last = row.lastCommandId() == null
                ? null
                : new LastCommand(
                        row.lastCommandId(),
                        DeviceCheckInState.CommandType.valueOf(row.lastCommandType()),
                        DeviceCheckInState.CommandResult.valueOf(row.lastCommandStatus()),
                        row.lastCommandDoneAt());
        return state(row, version, change, last, changedAt);
    }

    /** The record of a stored state at {@code version}, with the given last command. */
    public static DeviceCheckInState state(
            StateRow row, long version, Change change, LastCommand lastCommand, Instant changedAt) {
        List<String> issues =
                row.complianceIssues() == null || row.complianceIssues().isBlank()
                        ? List.of()
                        : Arrays.stream(row.complianceIssues().split(","))
                                .map(String::trim)
                                .toList();
        return new DeviceCheckInState(
                row.deviceId(),
                version,
                change,
                row.compliant(),
                issues,
                row.overdueSince() != null,
                row.overdueSince(),
                row.dueOn(),
                row.lastSeenAt(),
                lastCommand,
                changedAt);
    }
}
