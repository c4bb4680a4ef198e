package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.district.checkin.domain.StoredCheckIn;
import org.district.checkin.entity.Device;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a check-in reported of a device's state: its operating system and patch level, antivirus, disk encryption and
 * screen lock. Written into the view that shows it ({@code @JsonUnwrapped}); a field the device did not report is
 * absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportedStateView(
        @Schema(
                        description = "The operating system's name, as reported (absent when not reported)",
                        example = "Windows")
                String osName,
        @Schema(description = "The operating system's version (absent when not reported)", example = "10.0.19045")
                String osVersion,
        @Schema(description = "The operating system's build (absent when not reported)", example = "19045.4291")
                String osBuild,
        @Schema(
                        description = "When the last OS update was installed (absent when the device could not tell)",
                        example = "2026-06-11")
                LocalDate lastPatchDate,
        @Schema(description = "The antivirus product (absent when none is installed)", example = "Microsoft Defender")
                String antivirusProduct,
        @Schema(
                        description = "The date of the antivirus definitions (absent when not reported)",
                        example = "2026-09-13")
                LocalDate antivirusDefinitionsDate,
        @Schema(
                        description = "Whether the disks are encrypted (absent when the device could not tell)",
                        example = "true")
                Boolean diskEncryption,
        @Schema(
                        description = "Whether a password or screen lock protects the device (absent when the device"
                                + " could not tell)",
                        example = "true")
                Boolean passwordProtection) {

    /** The state the device's latest check-in reported. */
    static ReportedStateView of(Device d) {
        return new ReportedStateView(
                d.osName,
                d.osVersion,
                d.osBuild,
                d.lastPatchDate,
                d.antivirusProduct,
                d.antivirusDefinitionsDate,
                d.diskEncrypted,
                d.screenLock);
    }

    /** The state one stored check-in reported. */
    static ReportedStateView of(StoredCheckIn c) {
        return new ReportedStateView(
                c.osName(),
                c.osVersion(),
                c.osBuild(),
                c.lastPatchDate(),
                c.antivirusProduct(),
                c.antivirusDefinitionsDate(),
                c.diskEncrypted(),
                c.screenLock());
    }
}
