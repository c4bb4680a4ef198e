package org.district.contracts.inventory;

/** The kinds of device the district owns or registers. */
public enum DeviceType {
    LAPTOP,
    CHROMEBOOK,
    DESKTOP,
    TABLET,
    MESSAGING_DEVICE,
    SMARTPHONE,
    OTHER
}
