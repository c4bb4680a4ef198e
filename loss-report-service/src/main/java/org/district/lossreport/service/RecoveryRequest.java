package org.district.lossreport.service;

import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The device of a report was found.
 *
 * @param recoveredAt when; now if absent (not in the future)
 */
public record RecoveryRequest(Instant recoveredAt, @Size(max = 2000) String note) {}
