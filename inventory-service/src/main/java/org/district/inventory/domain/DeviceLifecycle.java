package org.district.inventory.domain;

import static org.district.contracts.inventory.DeviceStatus.ASSIGNED;
import static org.district.contracts.inventory.DeviceStatus.IN_REPAIR;
import static org.district.contracts.inventory.DeviceStatus.IN_STOCK;
import static org.district.contracts.inventory.DeviceStatus.LOST;
import static org.district.contracts.inventory.DeviceStatus.QUARANTINED;
import static org.district.contracts.inventory.DeviceStatus.RECOVERED;
import static org.district.contracts.inventory.DeviceStatus.RETIRED;
import static org.district.contracts.inventory.DeviceStatus.STOLEN;
import static org.district.contracts.inventory.DeviceStatus.WRITTEN_OFF;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.Ownership;
import org.district.support.domain.ConflictException;

/**
 * The device lifecycle: which status may follow which. Every status change goes through {@link #check}; an illegal
 * one is refused as a conflict naming the moves that are allowed, with a sentence saying why.
 *
 * <p>District devices: assignment and return have their own operations (they change who holds the device), and so does
 * sanitization (the only way out of QUARANTINED into stock). A device that holds sensitive data and comes back from a
 * person or from recovery goes to QUARANTINED, never straight to stock. Personal devices stay with their owner: they
 * can be lost, stolen, recovered (and handed back), written off or deregistered (RETIRED).
 */
public final class DeviceLifecycle {

    private static final Map<DeviceStatus, Set<DeviceStatus>> DISTRICT = new EnumMap<>(DeviceStatus.class);
    private static final Map<DeviceStatus, Set<DeviceStatus>> PERSONAL = new EnumMap<>(DeviceStatus.class);

    static {
        DISTRICT.put(IN_STOCK, EnumSet.of(ASSIGNED, IN_REPAIR, RETIRED, LOST, STOLEN, QUARANTINED));
        DISTRICT.put(ASSIGNED, EnumSet.of(IN_STOCK, QUARANTINED, LOST, STOLEN));
        DISTRICT.put(LOST, EnumSet.of(STOLEN, RECOVERED, WRITTEN_OFF));
        DISTRICT.put(STOLEN, EnumSet.of(LOST, RECOVERED, WRITTEN_OFF));
        DISTRICT.put(RECOVERED, EnumSet.of(QUARANTINED, IN_STOCK, IN_REPAIR, RETIRED));
        DISTRICT.put(QUARANTINED, EnumSet.of(IN_STOCK, IN_REPAIR, RETIRED));
        DISTRICT.put(IN_REPAIR, EnumSet.of(IN_STOCK, QUARANTINED, RETIRED));
        DISTRICT.put(WRITTEN_OFF, EnumSet.of(RECOVERED));
        DISTRICT.put(RETIRED, EnumSet.noneOf(DeviceStatus.class));

        PERSONAL.put(ASSIGNED, EnumSet.of(LOST, STOLEN, RETIRED));
        PERSONAL.put(LOST, EnumSet.of(STOLEN, RECOVERED, WRITTEN_OFF));
        PERSONAL.put(STOLEN, EnumSet.of(LOST, RECOVERED, WRITTEN_OFF));
        PERSONAL.put(RECOVERED, EnumSet.of(ASSIGNED, RETIRED));
        PERSONAL.put(WRITTEN_OFF, EnumSet.of(RECOVERED, RETIRED));
        PERSONAL.put(RETIRED, EnumSet.noneOf(DeviceStatus.class));
    }

    private DeviceLifecycle() {}

    /** Whether the lifecycle allows the move at all. */
    public static boolean allows(Ownership ownership, DeviceStatus from, DeviceStatus to) {
        Map<DeviceStatus, Set<DeviceStatus>> rules = ownership == Ownership.PERSONAL ? PERSONAL : DISTRICT;
        return rules.getOrDefault(from, Set.of()).contains(to);
    }

    /** The statuses that may follow {@code from}. */
    public static Set<DeviceStatus> next(Ownership ownership, DeviceStatus from) {
        Map<DeviceStatus, Set<DeviceStatus>> rules = ownership == Ownership.PERSONAL ? PERSONAL : DISTRICT;
        Set<DeviceStatus> next = rules.getOrDefault(from, Set.of());
        return next.isEmpty() ? EnumSet.noneOf(DeviceStatus.class) : EnumSet.copyOf(next);
    }

    /** Refuses a move the lifecycle does not allow, naming the statuses the device may move to instead. */
    public static void check(Ownership ownership, DeviceStatus from, DeviceStatus to) {
        Set<DeviceStatus> next = next(ownership, from);
        if (from == to) {
            throw illegalMove("The device is already " + to + ".", next);
        }
        if (!next.contains(to)) {
            String options = next.isEmpty() ? "nothing: it is final" : next.toString();
            throw illegalMove(
                    (ownership == Ownership.PERSONAL ? "A personal device" : "A device") + " that is " + from
                            + " cannot become " + to + ". From " + from + " it can become " + options + ".",
                    next);
        }
    }

    private static ConflictException illegalMove(String detail, Set<DeviceStatus> allowed) {
        return ConflictException.illegalMove(
                "illegal-transition", detail, allowed.stream().map(Enum::name).toList());
    }

    /** Where a device goes when it comes back from a person: sensitive data must be sanitized first. */
    public static DeviceStatus afterComingBack(boolean sensitiveData) {
        return sensitiveData ? QUARANTINED : IN_STOCK;
    }
}
