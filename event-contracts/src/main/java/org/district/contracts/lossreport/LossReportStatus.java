package org.district.contracts.lossreport;

/** Where a loss/theft report stands. */
public enum LossReportStatus {
    /** Reported; the district is trying to recover the device. */
    OPEN,
    /** The device was found. */
    RECOVERED,
    /** The device is given up on; the cost owed is recorded. */
    WRITTEN_OFF
}
