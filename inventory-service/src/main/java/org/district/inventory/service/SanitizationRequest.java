package org.district.inventory.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** IT confirms a quarantined device's data was sanitized (for example "full disk wipe, NIST 800-88 purge"). */
public record SanitizationRequest(@NotBlank @Size(max = 120) String method, @Size(max = 500) String note) {}
