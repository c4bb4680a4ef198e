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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
@Schema(description = "What a device's agent reports at each check-in")
public record CheckInRequest(
        @Schema(
                        description = "Optional; when present it must be the device the credential was issued to (403"
                                + " otherwise)",
                        example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(description = "The operating system", required = true) @NotNull @Valid Os os,
        @Schema(
                        description = "The date the last OS update was installed, from 1990-01-01 to tomorrow; absent"
                                + " when the device cannot read it",
                        example = "2026-09-08")
                LocalDate lastPatchDate,
        @Schema(description = "The antivirus product; absent when none is installed") @Valid Antivirus antivirus,
        @Schema(
                        description =
                                "Whether the disks are encrypted; absent (null) when the device cannot tell, which"
                                        + " compliance counts as not proven",
                        nullable = true,
                        example = "true")
                Boolean diskEncryption,
        @Schema(
                        description = "Whether a password or screen lock protects the device; absent (null) when the"
                                + " device cannot tell, which compliance counts as not proven",
                        nullable = true,
                        example = "true")
                Boolean passwordProtection,
        @Schema(description = "Where on the district network the device is", required = true) @NotNull @Valid
                Network network,
        @Schema(description = "Optional; kept only while the device is LOST or STOLEN, otherwise dropped unread") @Valid
                Location location,
        @Schema(
                        description = "Whether the district's lock (a LOCK command) is in force on the device now; a"
                                + " LOCK is confirmed only by a check-in saying so",
                        example = "false")
                Boolean locked,
        @Schema(
                        description = "The commands the agent dealt with since its last check-in, each with the nonce"
                                + " it was sent and its result",
                        maxItems = 20)
                @Size(max = 20)
                List<@NotNull @Valid CompletedCommand> completedCommands) {

    /** What became of a command, as its device reports it; a check-in's {@code result} is one of these or absent. */
    public static final String RESULTS = "DONE|REFUSED|FAILED";

    /** A command's nonce as it is made (db/migration V5): 32 lower-case hex digits. */
    public static final String NONCE = "[0-9a-f]{32}";

    /**
     * A command the device dealt with: its id, the nonce that came with it, and what became of it: DONE (also when
     * absent), REFUSED (a WIPE its installation does not allow) or FAILED.
     */
    @Schema(description = "A command the device dealt with since its last check-in")
    public record CompletedCommand(
            @Schema(description = "The command's id", required = true, example = "7d2e4b1a-9c3f-4e8d-a561-2b7f0c9e4d38")
                    @NotNull
                    UUID id,
            @Schema(
                            description = "The nonce the command was sent with, as it was sent: 32 lower-case hex"
                                    + " digits",
                            required = true,
                            minLength = 32,
                            maxLength = 32,
                            example = "4f1c9a7e2b8d4e6f9a3c5b7d1e2f4a6c")
                    @NotBlank
                    @Pattern(regexp = NONCE)
                    String nonce,
            @Schema(
                            description = "What became of it: DONE (also when absent), REFUSED (a WIPE its installation"
                                    + " does not allow) or FAILED. A lost or stolen device's LOCK ends only when its"
                                    + " check-in says the lock is in force; refused or failed, it is sent again.",
                            enumeration = {"DONE", "REFUSED", "FAILED"},
                            example = "DONE")
                    @Pattern(regexp = RESULTS)
                    String result) {

        /** A command carried out. */
        public CompletedCommand(UUID id, String nonce) {
            this(id, nonce, null);
        }
    }

    /** The operating system. */
    @Schema(name = "CheckInOs", description = "The device's operating system")
    public record Os(
            @Schema(description = "Its name, one line", required = true, maxLength = 60, example = "Windows")
                    @NotBlank
                    @Size(max = 60)
                    String name,
            @Schema(description = "Its version, one line", required = true, maxLength = 40, example = "10.0.22631")
                    @NotBlank
                    @Size(max = 40)
                    String version,
            @Schema(description = "Its build, one line (optional)", maxLength = 60, example = "22631.3447")
                    @Size(max = 60)
                    String build) {}

    /** The antivirus product and the date of its definitions. */
    @Schema(name = "CheckInAntivirus", description = "The antivirus product and the date of its definitions")
    public record Antivirus(
            @Schema(
                            description = "The product's name, one line",
                            required = true,
                            maxLength = 80,
                            example = "Microsoft Defender")
                    @NotBlank
                    @Size(max = 80)
                    String product,
            @Schema(
                            description = "The date of its definitions, from 1990-01-01 to tomorrow (optional)",
                            example = "2026-09-13")
                    LocalDate definitionsDate) {}

    /** Where on the district network the device is. */
    @Schema(name = "CheckInNetwork", description = "Where on the district network the device is")
    public record Network(
            @Schema(
                            description = "The site's name as the network reports it: letters, digits, spaces and"
                                    + " . , - _ / # & ( ) ' : only, on one line",
                            required = true,
                            maxLength = 60,
                            example = "LINCOLN-HS")
                    @NotBlank
                    @Size(max = 60)
                    String site,
            @Schema(
                            description = "The device's IPv4 or IPv6 address (a literal address, never a host name)",
                            required = true,
                            maxLength = 45,
                            example = "10.20.4.57")
                    @NotBlank
                    @Size(max = 45)
                    String ipAddress) {}

    /** A position fix. Personal data: never logged, stored only for missing devices. */
    @Schema(
            name = "CheckInLocation",
            description = "A position fix. Personal data: never logged, stored only while the device is LOST or STOLEN")
    public record Location(
            @Schema(description = "Latitude in degrees", required = true, example = "41.8781")
                    @NotNull
                    @DecimalMin("-90")
                    @DecimalMax("90")
                    Double latitude,
            @Schema(description = "Longitude in degrees", required = true, example = "-87.6298")
                    @NotNull
                    @DecimalMin("-180")
                    @DecimalMax("180")
                    Double longitude,
            @Schema(description = "The fix's accuracy in meters (optional)", example = "25.0")
                    @DecimalMin("0")
                    @DecimalMax("100000")
                    Double accuracyMeters) {

        @Override
        public String toString() {
            return "Location[redacted]";
        }
    }
}
