package org.district.contracts.checkin;

/** Why a device must come back: its holder leaves the district, or it was lent until a due date. */
public enum ReturnReason {
    /** The holder's last working day (an offboarding, or a departure in the people sync). */
    DEPARTURE,
    /** A loaner's due date. */
    LOAN
}
