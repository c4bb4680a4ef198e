package org.district.checkin.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a device's agent reports at each check-in.
 *
 * @param deviceId optional; when present it must be the device the token was issued to
 * @param lastPatchDate the date the last OS update was installed; absent when the device cannot read it
 * @param diskEncryption whether the disks are encrypted; absent (null) when the device cannot tell, which compliance
 *     counts as not proven
 * @param passwordProtection whether a password or screen lock protects the device; absent (null) when the device
 *     cannot tell, which compliance counts as not proven
 * @param antivirus the antivirus product, absent when none is installed
 * @param location optional; kept only while the device is LOST or STOLEN, otherwise dropped unread
 * @param locked whether the district's lock (a LOCK command) is in force on the device now; a LOCK is confirmed only by
 *     a check-in saying so, and sent again while a missing device's check-ins do not
 * @param completedCommands the commands the agent dealt with since its last check-in, each with the nonce it was sent
 *     and its result
 */
public record CheckInRequest(
        UUID deviceId,
        @NotNull @Valid Os os,
        LocalDate lastPatchDate,
        @Valid Antivirus antivirus,
        Boolean diskEncryption,
        Boolean passwordProtection,
        @NotNull @Valid Network network,
        @Valid Location location,
        Boolean locked,
        @Size(max = 20) List<@NotNull @Valid CompletedCommand> completedCommands) {

    /** What became of a command, as its device reports it; a check-in's {@code result} is one of these or absent. */
    public static final String RESULTS = "DONE|REFUSED|FAILED";

    /**
     * A command the device dealt with: its id, the nonce that came with it, and what became of it: DONE (also when
     * absent), REFUSED (a WIPE its installation does not allow) or FAILED.
     */
    public record CompletedCommand(
            @NotNull UUID id, @NotBlank @Size(max = 64) String nonce, @Pattern(regexp = RESULTS) String result) {

        /** A command carried out. */
        public CompletedCommand(UUID id, String nonce) {
            this(id, nonce, null);
        }
    }

    /** The operating system. */
    public record Os(
            @NotBlank @Size(max = 60) String name,
            @NotBlank @Size(max = 40) String version,
            @Size(max = 60) String build) {}

    /** The antivirus product and the date of its definitions. */
    public record Antivirus(@NotBlank @Size(max = 80) String product, LocalDate definitionsDate) {}

    /** Where on the district network the device is. */
    public record Network(@NotBlank @Size(max = 60) String site, @NotBlank @Size(max = 45) String ipAddress) {}

    /** A position fix. Personal data: never logged, stored only for missing devices. */
    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @DecimalMin("0") @DecimalMax("100000") Double accuracyMeters) {

        @Override
        public String toString() {
            return "Location[redacted]";
        }
    }
}
