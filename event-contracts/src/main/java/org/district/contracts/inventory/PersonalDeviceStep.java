package org.district.contracts.inventory;

/** A step of a personal device's approval, as {@link PersonalDeviceDecision} announces it. */
public enum PersonalDeviceStep {
    /** The owner asked for access; the approvers are asked to decide. */
    REQUESTED,
    /** The owner asked again (to renew an approval, or after a refusal, an expiry or a removal). */
    RENEWAL_REQUESTED,
    /** Approved until the end of the school year. */
    APPROVED,
    /** Refused, with the reason. */
    REFUSED,
    /** The approval ran out at the end of the school year. */
    EXPIRED,
    /** Access removed (in violation, or by IT's decision), with the reason. */
    ACCESS_REMOVED
}
