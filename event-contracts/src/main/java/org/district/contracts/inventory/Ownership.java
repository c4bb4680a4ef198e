package org.district.contracts.inventory;

/** Who owns a device: the district, or a person who registered a personal device. */
public enum Ownership {
    DISTRICT,
    PERSONAL
}
