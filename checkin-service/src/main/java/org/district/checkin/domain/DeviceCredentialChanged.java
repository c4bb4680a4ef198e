package org.district.checkin.domain;

import java.util.UUID;

/**
 * IT issued the device a new credential or revoked it: whatever knew the old secret's hash forgets it once the change
 * has committed (a CDI event, observed after the transaction succeeds).
 */
public record DeviceCredentialChanged(UUID deviceId) {}
