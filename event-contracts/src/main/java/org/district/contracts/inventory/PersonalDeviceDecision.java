package org.district.contracts.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A step of a personal device's approval, published to {@link org.district.contracts.Topics#PERSONAL_DEVICES} so the
 * owner and the approvers are told. Key = device id. Names people by id and district id only; the notifier looks up
 * their addresses.
 *
 * @param eventId unique per step (the notifier's deduplication key)
 * @param device what the owner registered, for the message: type, make and model (for example "LAPTOP, Dell XPS 13")
 * @param ownerId the owner's person id
 * @param ownerDistrictId the owner's district id (canonical form)
 * @param step which step this is
 * @param reason why (a refusal, a removal; the owner's purpose for a request); null when there is none
 * @param expiresOn the approval's last day, for APPROVED (and the day that passed, for EXPIRED); null otherwise
 * @param approverDistrictIds who decides for the owner's school (district ids); empty when the school has none on
 *     record, and the notifier then tells IT
 * @param actor who took the step: the owner, an approver, IT, or {@code system} (expiry, a violation found)
 */
public record PersonalDeviceDecision(
        UUID eventId,
        UUID deviceId,
        String assetTag,
        String device,
        String school,
        UUID ownerId,
        String ownerDistrictId,
        PersonalDeviceStep step,
        String reason,
        LocalDate expiresOn,
        List<String> approverDistrictIds,
        String actor,
        Instant occurredAt) {

    public static final String TYPE = "PersonalDeviceDecision";
    public static final int SCHEMA_VERSION = 1;
}
