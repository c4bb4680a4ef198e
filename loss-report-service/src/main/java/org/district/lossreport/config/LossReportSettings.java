package org.district.lossreport.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rules for loss reports: what a report may say, police reminders, idempotency keys and the read-model consumers. */
@ConfigMapping(prefix = "district.lossreport")
public interface LossReportSettings {

    /** How far back "last seen" may lie; older dates are almost always typing mistakes. */
    @WithDefault("P730D")
    Duration maxLastSeenAge();

    /** Clock difference tolerated when "last seen" lies slightly in the future. */
    @WithDefault("PT5M")
    Duration clockTolerance();

    /** How often a reporter is reminded that a stolen device's police case number is still owed. */
    @WithDefault("P1D")
    Duration policeReminderEvery();

    /** How often the reminder schedule looks for reminders that are due. */
    @WithDefault("1m")
    String policeReminderCheck();

    /** Run the Kafka consumers (read model and notifiers) in this process. */
    @WithDefault("true")
    boolean consumersEnabled();

    /**
     * Consumer group of the device and person read models. Start with a new name to rebuild them from the beginning
     * of inventory-service's compacted snapshot topics.
     */
    @WithDefault("lossreport-read-model")
    String readModelGroup();

    /** How long an Idempotency-Key is remembered. */
    @WithDefault("P7D")
    Duration idempotencyRetention();
}
