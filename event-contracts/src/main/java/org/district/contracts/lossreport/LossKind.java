package org.district.contracts.lossreport;

/** What happened to the device. */
public enum LossKind {
    LOST,
    STOLEN
}
