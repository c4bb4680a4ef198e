package org.district.contracts.inventory;

/** Lifecycle status of a device. inventory-service is the authority on it. */
public enum DeviceStatus {
    /** In district stock, ready to be assigned. */
    IN_STOCK,
    /** Assigned to (or, for a personal device, owned by) a person. */
    ASSIGNED,
    /** Reported lost. */
    LOST,
    /** Reported stolen. */
    STOLEN,
    /** Found after being lost or stolen, not yet checked by IT. */
    RECOVERED,
    /** Held by IT until its data is sanitized (sensitive-data devices coming back from a person). */
    QUARANTINED,
    /** Being repaired. */
    IN_REPAIR,
    /** Taken out of service for good. */
    RETIRED,
    /** Lost or stolen and given up on; the cost owed is recorded. */
    WRITTEN_OFF
}
