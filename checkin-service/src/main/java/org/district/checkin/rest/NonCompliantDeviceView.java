package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.district.checkin.entity.Device;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;

/** A non-compliant device, what it reported, and why it fails the baseline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NonCompliantDeviceView(
        UUID deviceId,
        String assetTag,
        DeviceType type,
        String school,
        Ownership ownership,
        boolean sensitiveData,
        String assigneeDistrictId,
        Instant lastCheckInAt,
        String osName,
        String osVersion,
        String osBuild,
        LocalDate lastPatchDate,
        String antivirusProduct,
        LocalDate antivirusDefinitionsDate,
        Boolean diskEncryption,
        Boolean passwordProtection,
        List<ComplianceIssueView> issues) {

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
