package org.district.contracts;

import java.util.List;
import java.util.Map;
import org.district.contracts.checkin.DeviceCheckInState;
import org.district.contracts.checkin.DeviceReturned;
import org.district.contracts.checkin.DeviceSeenAfterDeparture;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.checkin.PersonalDeviceAccessRemoved;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.checkin.ReturnTaskReminder;
import org.district.contracts.hr.OffboardingRequested;
import org.district.contracts.inventory.ChargeSnapshot;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.contracts.inventory.PersonalDeviceDecision;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReportUpdated;
import org.district.contracts.lossreport.LossReportWrittenOff;
import org.district.contracts.lossreport.LossReported;
import org.district.contracts.lossreport.NotificationDeadLettered;

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

    /**
     * The one topic each event type is published on. Each topic is written by one service's Kafka user alone (the
     * brokers' ACLs), so an event of a known type read from any other topic was not published by its owner: a
     * service holding another's credentials could otherwise forge, say, a LossReported on its own topic.
     */
    private static final Map<String, String> TOPIC_OF = Map.ofEntries(
            Map.entry(DeviceSnapshot.TYPE, DEVICES),
            Map.entry(PersonSnapshot.TYPE, PEOPLE),
            Map.entry(ChargeSnapshot.TYPE, CHARGES),
            Map.entry(PersonalDeviceDecision.TYPE, PERSONAL_DEVICES),
            Map.entry(LossReported.TYPE, LOSS_REPORTS),
            Map.entry(LossReportUpdated.TYPE, LOSS_REPORTS),
            Map.entry(LossReportRecovered.TYPE, LOSS_REPORTS),
            Map.entry(LossReportWrittenOff.TYPE, LOSS_REPORTS),
            Map.entry(NotificationDeadLettered.TYPE, NOTIFICATIONS_DEAD_LETTER),
            Map.entry(ReturnTaskOpened.TYPE, RETURN_TASKS),
            Map.entry(ReturnTaskReminder.TYPE, RETURN_TASKS),
            Map.entry(ReturnTaskOverdue.TYPE, RETURN_TASKS),
            Map.entry(DeviceReturned.TYPE, RETURN_TASKS),
            Map.entry(LostDeviceSeen.TYPE, DEVICE_ALERTS),
            Map.entry(DeviceSeenAfterDeparture.TYPE, DEVICE_ALERTS),
            Map.entry(DeviceCheckInState.TYPE, DEVICE_STATE),
            Map.entry(PersonalDeviceAccessRemoved.TYPE, PERSONAL_DEVICE_ACCESS),
            Map.entry(OffboardingRequested.TYPE, OFFBOARDINGS));

    /**
     * Whether an event of this type may come from this topic: its own topic for a known type; any topic for a type
     * this system does not know (consumers pass over those).
     */
    public static boolean mayCarry(String topic, String eventType) {
        String own = eventType == null ? null : TOPIC_OF.get(eventType);
        return own == null || own.equals(topic);
    }

    private Topics() {}
}
