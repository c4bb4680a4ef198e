package org.district.contracts;

import java.util.List;

/**
 * Kafka topic names, their keys and their retention, in one place so every service agrees.
 *
 * <p>Names end in the major version of their payload schema; a breaking change gets a new topic.
 */
public final class Topics {

    /** Full device snapshots, key = device id, compacted: the latest snapshot of every device is always there. */
    public static final String DEVICES = "inventory.devices.v1";

    /** Full person snapshots, key = person id, compacted. Personal data: readers must be entitled to it. */
    public static final String PEOPLE = "inventory.people.v1";

    /**
     * Full charge snapshots (what a person owes for a damaged or lost device, with its totals), key = charge id,
     * compacted: the latest snapshot of every charge stays. Names people by id only.
     */
    public static final String CHARGES = "inventory.charges.v1";

    /**
     * Steps of personal devices' approvals (asked, approved, refused, expired, access removed), key = device id, for
     * the notifier to tell the owner and the approvers.
     */
    public static final String PERSONAL_DEVICES = "inventory.personal-devices.v1";

    /** Loss/theft report lifecycle events, key = device id (so one device's events stay in order). */
    public static final String LOSS_REPORTS = "lossreport.reports.v1";

    /** Notifications that failed after their last retry, key = report id. */
    public static final String NOTIFICATIONS_DEAD_LETTER = "lossreport.notifications-dlt.v1";

    /** Return-on-departure task events, key = device id. */
    public static final String RETURN_TASKS = "checkin.return-tasks.v1";

    /** Alerts raised by check-ins (a lost device seen, a device used after its holder left), key = device id. */
    public static final String DEVICE_ALERTS = "checkin.device-alerts.v1";

    /**
     * Each device's check-in state (compliance, overdue, last command) after every change, key = device id, compacted:
     * the latest state of every device stays on the topic.
     */
    public static final String DEVICE_STATE = "checkin.device-state.v1";

    /**
     * Personal devices whose access to district tools ended (credential revoked), key = device id: for a network
     * access control or identity system to act on, and for inventory to record.
     */
    public static final String PERSONAL_DEVICE_ACCESS = "checkin.personal-device-access.v1";

    /** Offboarding requests published by HR systems, key = person id or district id. */
    public static final String OFFBOARDINGS = "hr.offboardings.v1";

    /** How each topic is created: partitions and whether it is compacted. */
    public record TopicSpec(String name, int partitions, boolean compacted) {}

    /** Every topic the system uses, with the partitions and cleanup policy it is created with. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(DEVICES, 6, true),
            new TopicSpec(PEOPLE, 6, true),
            new TopicSpec(CHARGES, 6, true),
            new TopicSpec(PERSONAL_DEVICES, 6, false),
            new TopicSpec(LOSS_REPORTS, 6, false),
            new TopicSpec(NOTIFICATIONS_DEAD_LETTER, 1, false),
            new TopicSpec(RETURN_TASKS, 6, false),
            new TopicSpec(DEVICE_ALERTS, 6, false),
            new TopicSpec(DEVICE_STATE, 6, true),
            new TopicSpec(PERSONAL_DEVICE_ACCESS, 6, false),
            new TopicSpec(OFFBOARDINGS, 3, false));

    private Topics() {}
}
