package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.inventory.domain.FieldChange;
import org.district.inventory.entity.DeviceHistoryEntry;
import org.district.inventory.entity.PersonHistoryEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change in a device's or person's history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "One change in a device's or person's history. Fields without a value are omitted.",
        example = "{\"id\": 1187, \"occurredAt\": \"2025-08-20T14:05:00Z\", \"actor\": \"IT_ADMIN:E10001\","
                + " \"action\": \"ASSIGNED\", \"fromStatus\": \"IN_STOCK\", \"toStatus\": \"ASSIGNED\","
                + " \"changes\": [{\"field\": \"status\", \"from\": \"IN_STOCK\", \"to\": \"ASSIGNED\"},"
                + " {\"field\": \"assignee\", \"from\": null, \"to\": \"E10234\"}],"
                + " \"reason\": \"New school year issue.\"}")
public record HistoryEntryView(
        @Schema(
                        description = "The entry's number; later entries have larger numbers",
                        example = "1187",
                        required = true)
                long id,
        @Schema(description = "When it happened", example = "2025-08-20T14:05:00Z", required = true) Instant occurredAt,
        @Schema(
                        description = "Who made the change: role and district id, or the service that applied an event",
                        example = "IT_ADMIN:E10001",
                        required = true)
                String actor,
        @Schema(
                        description =
                                "What happened: REGISTERED, UPDATED, ASSIGNED, RETURNED, STATUS_CHANGED, SANITIZED,"
                                        + " RECOVERED, QUARANTINED, WRITTEN_OFF, LOST, STOLEN, REPLACEMENT_ISSUED,"
                                        + " EVENT_IGNORED for devices, and for personal devices the steps of their"
                                        + " access: PERSONAL_ACCESS_REQUESTED, PERSONAL_ACCESS_RENEWAL_REQUESTED,"
                                        + " PERSONAL_ACCESS_APPROVED, PERSONAL_ACCESS_REFUSED, PERSONAL_ACCESS_EXPIRED,"
                                        + " PERSONAL_ACCESS_REMOVED (fields personalAccess.*; the reason is the purpose,"
                                        + " the refusal's or removal's reason); CREATED, UPDATED, DEPARTED,"
                                        + " LEAVING_DATE_SET, AUP_ACKNOWLEDGED for people; CHARGE_RECORDED,"
                                        + " CHARGE_PAYMENT_RECORDED, CHARGE_WAIVER_RECORDED for both (the charge id is"
                                        + " the change of field charge)",
                        example = "ASSIGNED",
                        required = true)
                String action,
        @Schema(description = "A device's status before the change (devices only)", example = "IN_STOCK")
                DeviceStatus fromStatus,
        @Schema(description = "A device's status after the change (devices only)", example = "ASSIGNED")
                DeviceStatus toStatus,
        @Schema(description = "The fields that changed, each with its value before and after", required = true)
                List<FieldChange> changes,
        @Schema(description = "Why, as given with the change (devices only)", example = "New school year issue.")
                String reason,
        @Schema(
                        description = "The event that caused the change, for changes made from an event (devices only)",
                        example = "9b0f4d6e-2c3a-4e5f-8a7b-6c1d0e9f2a34")
                UUID sourceEventId) {

    static HistoryEntryView of(DeviceHistoryEntry h) {
        return new HistoryEntryView(
                h.id, h.occurredAt, h.actor, h.action, h.fromStatus, h.toStatus, h.changes, h.reason, h.sourceEventId);
    }

    static HistoryEntryView of(PersonHistoryEntry h) {
        return new HistoryEntryView(h.id, h.occurredAt, h.actor, h.action, null, null, h.changes, null, null);
    }
}
