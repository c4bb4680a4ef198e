package org.district.checkin.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a device's agent sends to enrol: the one-time code IT gave for the device. */
public record EnrolmentRequest(@NotBlank @Size(max = 64) String code) {

    @Override
    public String toString() {
        return "EnrolmentRequest[code redacted]";
    }
}
