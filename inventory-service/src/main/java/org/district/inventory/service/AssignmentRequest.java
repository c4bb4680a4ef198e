package org.district.inventory.service;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Assign a device to a person, named by id or by district id. */
public record AssignmentRequest(UUID personId, @Size(max = 40) String personDistrictId, @Size(max = 500) String note) {}
