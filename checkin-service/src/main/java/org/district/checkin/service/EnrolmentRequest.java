package org.district.checkin.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a device's agent sends to enrol: the one-time code IT gave for the device. */
@Schema(description = "What a device's agent sends to enrol: the one-time code IT created for the device")
public record EnrolmentRequest(
        @Schema(
                        description = "The code as IT gave it; case, spaces and hyphens do not matter, and O, I and L"
                                + " are read as 0, 1 and 1",
                        required = true,
                        maxLength = 64,
                        example = "7KQ2-M9XD-4HTR-WB6P")
                @NotBlank
                @Size(max = 64)
                String code) {

    @Override
    public String toString() {
        return "EnrolmentRequest[code redacted]";
    }
}
