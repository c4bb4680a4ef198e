package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.district.checkin.entity.Device;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A non-compliant device, what it reported, and why it fails the baseline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A non-compliant device, what its latest check-in reported, and why it fails the baseline")
public record NonCompliantDeviceView(
        @Schema(description = "The device", required = true, example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(description = "The device's asset tag", required = true, example = "LHS-0042") String assetTag,
        @Schema(description = "The kind of device", required = true) DeviceType type,
        @Schema(description = "The school the device belongs to", required = true, example = "LINCOLN-HS")
                String school,
        @Schema(description = "Who owns the device", required = true) Ownership ownership,
        @Schema(description = "Whether the device holds sensitive data", required = true, example = "false")
                boolean sensitiveData,
        @Schema(description = "The assignee's district id (absent when unassigned)", example = "E10482")
                String assigneeDistrictId,
        @Schema(description = "When it last checked in", example = "2026-09-14T13:30:00Z") Instant lastCheckInAt,
        @Schema(description = "The operating system's name, as reported", example = "Windows") String osName,
        @Schema(description = "The operating system's version", example = "10.0.19045") String osVersion,
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
                        example = "false")
                Boolean diskEncryption,
        @Schema(
                        description = "Whether a password or screen lock protects the device (absent when the device"
                                + " could not tell)",
                        example = "true")
                Boolean passwordProtection,
        @Schema(description = "Why it fails the baseline", required = true) List<ComplianceIssueView> issues) {

    public static NonCompliantDeviceView of(Device d) {
        return new NonCompliantDeviceView(
                d.id,
                d.assetTag,
                d.type,
                d.school,
                d.ownership,
                d.sensitiveData,
                d.assigneeDistrictId,
                d.lastSeenAt,
                d.osName,
                d.osVersion,
                d.osBuild,
                d.lastPatchDate,
                d.antivirusProduct,
                d.antivirusDefinitionsDate,
                d.diskEncrypted,
                d.screenLock,
                ComplianceIssueView.of(d.complianceIssues));
    }
}
