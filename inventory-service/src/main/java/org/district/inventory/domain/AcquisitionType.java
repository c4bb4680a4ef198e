package org.district.inventory.domain;

/** How the district came to own a device. Both must go through the district and be recorded. */
public enum AcquisitionType {
    PURCHASED,
    DONATED
}
