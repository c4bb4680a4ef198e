package org.district.inventory.service;

import jakarta.validation.constraints.Size;

/** IT takes a device back from its holder. */
public record ReturnRequest(@Size(max = 500) String note) {}
