package org.district.contracts.inventory;

/**
 * Where a personal device stands under the district's policy on personal devices: its owner asked for access, the
 * principal of the owner's school (or IT) decided, and an approval lasts until the end of the school year.
 */
public enum PersonalAccessStatus {
    /** The owner asked (or asked again); the principal has not decided yet. No access. */
    PENDING,
    /** Approved until {@code expiresOn}: the device may have a credential or an enrolment and must meet the baseline. */
    APPROVED,
    /** The principal (or IT) refused, with a reason. No access; the owner may ask again. */
    REFUSED,
    /** The approval ran out at the end of the school year. No access until it is renewed. */
    EXPIRED,
    /** Access removed: in violation (non-compliant past the grace period) or by IT's decision. The owner may ask again. */
    REMOVED
}
