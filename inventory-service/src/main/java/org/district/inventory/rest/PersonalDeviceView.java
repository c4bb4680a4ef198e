package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.PersonalAccessStatus;
import org.district.inventory.entity.Device;
import org.district.inventory.entity.PersonalDeviceAccess;
import org.district.inventory.service.PersonalDeviceService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A personal device and its standing under the district's policy, as its owner, its approvers, IT and auditors see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "A personal device and its standing under the district's policy: what it is, who owns it, what"
                + " they asked for and what was decided. Fields without a value are omitted.")
public record PersonalDeviceView(
        @Schema(
                        description = "The device's id (as in the device registry)",
                        example = ApiExamples.PERSONAL_DEVICE_ID,
                        required = true)
                UUID id,
        @Schema(description = "Asset tag, generated for the device", example = "P-7KQ2M9XD", required = true)
                String assetTag,
        @Schema(description = "Manufacturer serial number, upper case", example = "C02XK1JHJG5J", required = true)
                String serialNumber,
        @Schema(description = "Kind of device", example = "LAPTOP", required = true) DeviceType type,
        @Schema(description = "Manufacturer", example = "Apple", required = true) String make,
        @Schema(description = "Model", example = "MacBook Air 13", required = true) String model,
        @Schema(description = "The owner's school, whose approvers decide", example = "LINCOLN-HS", required = true)
                String school,
        @Schema(
                        description = "The device's lifecycle status in the registry (ASSIGNED while its owner has it;"
                                + " LOST, STOLEN ... when reported)",
                        example = "ASSIGNED",
                        required = true)
                DeviceStatus deviceStatus,
        @Schema(description = "The owner", required = true) PersonRefView owner,
        @Schema(
                        description = "PENDING (asked, not decided), APPROVED (until expiresOn), REFUSED, EXPIRED or"
                                + " REMOVED",
                        example = "APPROVED",
                        required = true)
                PersonalAccessStatus access,
        @Schema(
                        description =
                                "Whether the approvers have something to decide: a request, or a renewal the owner"
                                        + " asked for",
                        example = "false",
                        required = true)
                boolean awaitingDecision,
        @Schema(
                        description = "What the owner will use it for; omitted for a device IT registered for them",
                        example = "Grading and lesson planning at home and in class.")
                String purpose,
        @Schema(
                        description = "Whether the owner consents to the district locking and locating it when it is"
                                + " reported lost or stolen (it is never wiped)",
                        example = "true",
                        required = true)
                boolean lockAndLocateConsent,
        @Schema(description = "When access was last asked for", example = "2026-03-02T15:04:05Z", required = true)
                Instant requestedAt,
        @Schema(
                        description = "When the owner asked to renew the approval, while the renewal awaits a decision",
                        example = "2026-06-05T08:30:00Z")
                Instant renewalRequestedAt,
        @Schema(
                        description = "The approval's last day (the end of the school year); kept after it ends",
                        example = "2026-06-30")
                LocalDate expiresOn,
        @Schema(
                        description = "While approved: the first day the owner may ask to renew (30 days before"
                                + " expiresOn)",
                        example = "2026-05-31")
                LocalDate renewableFrom,
        @Schema(description = "Who decided last (role and district id)", example = "PRINCIPAL:E1001") String decidedBy,
        @Schema(description = "When they decided", example = "2026-03-03T09:12:00Z") Instant decidedAt,
        @Schema(
                        description = "Why access was last refused, removed or ended",
                        example = "Student records stay on district laptops; use the one assigned to you.")
                String reason) {

    static PersonalDeviceView of(PersonalDeviceAccess a) {
        Device d = a.device;
        boolean approved = a.status == PersonalAccessStatus.APPROVED;
        return new PersonalDeviceView(
                d.id,
                d.assetTag,
                d.serialNumber,
                d.type,
                d.make,
                d.model,
                d.school,
                d.status,
                PersonRefView.of(a.owner),
                a.status,
                a.awaitsDecision(),
                a.purpose,
                a.lockAndLocateConsent,
                a.requestedAt,
                a.renewalRequestedAt,
                a.expiresOn,
                approved ? PersonalDeviceService.renewableFrom(a.expiresOn) : null,
                a.decidedBy,
                a.decidedAt,
                a.reason);
    }
}
