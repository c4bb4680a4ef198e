package org.district.support.limits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Token buckets kept in the service's database (table {@code rate_limit_bucket}), so that every replica takes from the
 * same bucket: one statement per request refills the bucket for the time since it was last used and takes a token
 * when there is one, atomically under the row's lock. Buckets that have filled up again are deleted at most once a
 * minute per replica and limit.
 */
public final class SharedBuckets {

    private static final Logger LOG = Logger.getLogger(SharedBuckets.class);
    private static final long SWEEP_EVERY_MILLIS = 60_000;

    /**
     * Parameters: name, caller, burst (a new bucket starts full and gives one token), then burst and tokens per second
     * twice (the refill as the allowance, then as the tokens left). Every expression of the update reads the row as
     * it was; {@code now()} is the statement's own time in autocommit.
     */
    private static final String TAKE = "insert into rate_limit_bucket as b (name, caller, tokens, allowed, updated_at)"
            + " values (?, ?, ? - 1, true, now())"
            + " on conflict (name, caller) do update set"
            + " allowed = least(?, b.tokens + greatest(0, extract(epoch from now() - b.updated_at)) * ?) >= 1,"
            + " tokens = least(?, b.tokens + greatest(0, extract(epoch from now() - b.updated_at)) * ?)"
            + " - case when least(?, b.tokens + greatest(0, extract(epoch from now() - b.updated_at)) * ?) >= 1"
            + " then 1 else 0 end,"
            + " updated_at = now()"
            + " returning allowed, tokens";

    private static final String SWEEP =
            "delete from rate_limit_bucket where name = ?" + " and updated_at < now() - make_interval(secs => ?)";

    private final DataSource dataSource;
    private final Map<String, AtomicLong> lastSweeps = new ConcurrentHashMap<>();

    /** The buckets in this database; each replica holds one of these, all reading the same rows. */
    public SharedBuckets(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes one token of the caller's bucket under the limit: empty when the request may go ahead, or the whole seconds
     * to wait before the next one would be allowed.
     */
    public OptionalLong take(String name, String caller, RateLimitSettings.Limit limit) {
        double perSecond = limit.perMinute() / 60;
        int burst = limit.burst();
        try (Connection connection = dataSource.getConnection()) {
            sweep(connection, name, burst / perSecond);
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                take.setString(1, name);
                take.setString(2, caller);
                take.setInt(3, burst);
                for (int i = 4; i <= 8; i += 2) {
                    take.setInt(i, burst);
                    take.setDouble(i + 1, perSecond);
                }
                try (ResultSet row = take.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return OptionalLong.empty();
                    }
                    double seconds = (1 - row.getDouble(2)) / perSecond;
                    return OptionalLong.of(Math.max(1, (long) Math.ceil(seconds)));
                }
            }
        } catch (SQLException e) {
            // The request is not refused for the limiter's own failure: the database's trouble shows in the request.
            LOG.warnf(
                    "The rate limit %s could not be read from the database (%s); the request is let through",
                    name, e.getSQLState());
            return OptionalLong.empty();
        }
    }

    /** Deletes the limit's buckets that have filled up again, at most once a minute by this replica. */
    private void sweep(Connection connection, String name, double refillSeconds) throws SQLException {
        long now = System.currentTimeMillis();
        AtomicLong lastSweep = lastSweeps.computeIfAbsent(name, n -> new AtomicLong());
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY_MILLIS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        try (PreparedStatement sweep = connection.prepareStatement(SWEEP)) {
            sweep.setString(1, name);
            sweep.setDouble(2, refillSeconds);
            sweep.executeUpdate();
        }
    }
}
