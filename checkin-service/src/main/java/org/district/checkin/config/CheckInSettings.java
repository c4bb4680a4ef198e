package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How check-ins are taken, stored and answered. */
@ConfigMapping(prefix = "district.checkin")
public interface CheckInSettings {

    /** How long a device's agent waits before its next check-in; sent in every check-in response. */
    @WithDefault("PT1H")
    Duration nextCheckInInterval();

    /** How long check-in history is kept; older daily partitions are dropped. */
    @WithDefault("P90D")
    Duration historyRetention();

    /** How many days of history partitions are created ahead of today. */
    @WithDefault("7")
    int historyPartitionsAhead();

    /** Least time between two LostDeviceSeen alerts for the same device, so a lost device does not flood IT. */
    @WithDefault("PT5M")
    Duration lostAlertInterval();

    /** Least time between two DeviceSeenAfterDeparture alerts for the same device. */
    @WithDefault("PT1H")
    Duration departureAlertInterval();

    /** The district's return message, shown on the screen of a device locked because it was lost or stolen. */
    String lockMessage();

    /** How often the history partitions are maintained (created ahead, dropped after the retention). */
    @WithDefault("1h")
    Duration partitionMaintenanceEvery();

    /** Run this service's Kafka consumers (read models, loss reports, offboardings) in this process. */
    @WithDefault("true")
    @WithName("consumers.enabled")
    boolean consumersEnabled();

    /**
     * The consumer group that keeps the read models. A new name rebuilds them from the compacted topics; the tests use
     * their own, so another copy of the service on the same broker never takes their partitions.
     */
    @WithDefault("checkin-read-model")
    @WithName("read-model.group")
    String readModelGroup();

    /** Most snapshots applied to the read models in one transaction. */
    @WithDefault("1000")
    @WithName("read-model.max-poll-records")
    int readModelMaxPollRecords();

    /** The group-commit writer. */
    Ingest ingest();

    /** How device credentials are verified before a request is let in. */
    Credentials credentials();

    /** The district power-saving policy sent to every device. */
    Power power();

    /**
     * The stored hashes of device credentials that each replica keeps in memory, so that verifying a credential costs
     * no database read on a device's next request. A credential replaced or revoked on another replica may open this
     * replica's security layer until its entry expires, but never the check-in itself: the check-in writer compares
     * the secret with the stored hash again, in its locking read of the device.
     */
    interface Credentials {

        /** Most devices whose stored hash is kept. */
        @WithDefault("100000")
        int cacheSize();

        /** How long a stored hash is trusted once read. */
        @WithDefault("PT10M")
        Duration cacheTtl();

        /**
         * How long a one-time enrolment code is valid after IT creates it; the device's agent exchanges it for the
         * device's credential within that time, once.
         */
        @WithDefault("PT8H")
        Duration enrolmentCodeTtl();
    }

    /** Batching of check-ins into one transaction each. */
    interface Ingest {

        /** Most check-ins written in one transaction. */
        @WithDefault("500")
        int batchSize();

        /**
         * Writer threads per replica, each writing its own batches concurrently (batches lock their devices in id
         * order, so concurrent writers never deadlock). One is best where the database is short of CPU: more writers
         * split the same check-ins into more, smaller transactions, each with its own fixed cost. More help where
         * commits are slow and the database has CPU to spare.
         */
        @WithDefault("1")
        int writers();

        /** Longest time the writer waits for more check-ins to fill a batch after the first one arrived. */
        @WithDefault("2ms")
        Duration linger();

        /** Check-ins that may wait for the writer; beyond that, devices are told to retry later (503). */
        @WithDefault("20000")
        int queueCapacity();

        /** Longest time a device waits for its check-in to be written before it is told to retry (503). */
        @WithDefault("10s")
        Duration replyTimeout();
    }

    /** Power-saving settings the agent applies. */
    interface Power {

        /** Minutes of inactivity before the display sleeps. */
        @WithDefault("10")
        int displaySleepMinutes();

        /** Minutes of inactivity before the system sleeps. */
        @WithDefault("30")
        int systemSleepMinutes();

        /** Local time window (HH:MM-HH:MM) in which IT may wake devices over the network for maintenance. */
        @WithDefault("02:00-04:00")
        String wakeOnLanWindow();
    }
}
