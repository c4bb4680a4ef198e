package org.district.inventory.service;

import org.district.contracts.inventory.DeviceStatus;

/**
 * A move the lifecycle allows a device now, and the operation that makes it: {@code ASSIGN} (to a person),
 * {@code RETURN} (taking it back from its holder), {@code SANITIZE} (out of quarantine) or {@code CHANGE_STATUS}.
 *
 * @param status the status the device will have after the move
 */
public record DeviceMove(Operation operation, DeviceStatus status) {

    public enum Operation {
        ASSIGN,
        RETURN,
        SANITIZE,
        CHANGE_STATUS
    }
}
