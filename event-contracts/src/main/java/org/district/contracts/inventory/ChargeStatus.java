package org.district.contracts.inventory;

/**
 * Where a charge stands. Outstanding is the amount less what was paid and what was waived; a charge is settled once
 * nothing is outstanding, and how it was settled names its status.
 */
public enum ChargeStatus {
    /** Something is still outstanding (whether or not part was paid or waived). */
    OPEN,
    /** Nothing is outstanding, and all of it was paid. */
    PAID,
    /** Nothing is outstanding, and all of it was waived. */
    WAIVED,
    /** Nothing is outstanding, part paid and part waived. */
    SETTLED
}
