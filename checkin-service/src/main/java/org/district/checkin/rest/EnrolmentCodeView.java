package org.district.checkin.rest;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.service.EnrolmentService;

/** A new one-time enrolment code; {@code code} is its only copy. */
public record EnrolmentCodeView(UUID deviceId, String code, Instant expiresAt) {

    static EnrolmentCodeView of(EnrolmentService.Created created) {
        return new EnrolmentCodeView(created.deviceId(), created.code(), created.expiresAt());
    }
}
