package org.district.contracts.inventory;

/** Why a person is charged for a device. */
public enum ChargeReason {
    /** The device was damaged while the person held it. */
    DAMAGE,
    /** The device was lost (or stolen) while the person held it. */
    LOSS
}
