package org.district.inventory.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.district.contracts.inventory.DeviceType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A staff member asks to use their own device for district work: what it is, what they will use it for, and whether
 * they consent to the district locking and locating it when it is reported lost or stolen.
 */
@Schema(
        description = "A staff member asks to use their own device for district work. It is registered as a PERSONAL"
                + " device owned by them, at their school, and the principal of their school (or IT) decides.",
        example = "{\"type\": \"LAPTOP\", \"make\": \"Apple\", \"model\": \"MacBook Air 13\","
                + " \"serialNumber\": \"C02XK1JHJG5J\", \"purpose\": \"Grading and lesson planning at home and in"
                + " class.\", \"lockAndLocateConsent\": true}")
public record PersonalDeviceRequest(
        @NotNull @Schema(description = "Kind of device", example = "LAPTOP") DeviceType type,
        @NotBlank @Size(max = 80) @Schema(description = "Manufacturer", example = "Apple") String make,
        @NotBlank @Size(max = 120) @Schema(description = "Model", example = "MacBook Air 13") String model,
        @NotBlank
                @Size(max = 64)
                @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE)
                @Schema(
                        description = "Manufacturer serial number, unique in the registry; stored upper case",
                        pattern = "^[A-Za-z0-9][A-Za-z0-9._/-]*$",
                        maxLength = 64,
                        example = "C02XK1JHJG5J")
                String serialNumber,
        @NotBlank
                @Size(max = 500)
                @Schema(
                        description = "What the device will be used for, as the principal will read it",
                        maxLength = 500,
                        example = "Grading and lesson planning at home and in class.")
                String purpose,
        @NotNull
                @Schema(
                        description = "Whether the owner consents to the district locking and locating the device"
                                + " when it is reported lost or stolen (a personal device is never wiped)",
                        example = "true")
                Boolean lockAndLocateConsent) {}
