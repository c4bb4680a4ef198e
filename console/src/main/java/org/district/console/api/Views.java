package org.district.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the console reads of the services' answers: the fields its pages show, by the names the services' OpenAPI
 * documents give them. Fields the console does not show are ignored, so a service may add fields freely.
 */
public final class Views {

    private Views() {}

    /** A person as a device or a report names them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonRef(UUID id, String districtId, String name) {}

    /** A device of the inventory (inventory-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Device(
            UUID id,
            String assetTag,
            String serialNumber,
            String type,
            String make,
            String model,
            String school,
            String ownership,
            String status,
            Boolean sensitiveData,
            PersonRef assignee,
            Instant assignedAt,
            LocalDate assignmentDueOn,
            LocalDate warrantyEnd,
            BigDecimal costOwed,
            String notes,
            Long version,
            Instant createdAt,
            Instant updatedAt) {

        /** Make and model, as people name a device ("Dell Latitude 3440"). */
        public String description() {
            String text = ((make == null ? "" : make) + " " + (model == null ? "" : model)).trim();
            return text.isEmpty() ? null : text;
        }
    }

    /** One period in which a person held a device, with its due date when it was lent (inventory-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignment(
            UUID id,
            PersonRef person,
            Instant assignedAt,
            String assignedBy,
            LocalDate dueOn,
            Instant endedAt,
            String endedBy,
            String endReason) {}

    /** A device lent until a due date and not yet given back (inventory-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Loan(
            UUID deviceId,
            String assetTag,
            String type,
            String school,
            PersonRef holder,
            Instant assignedAt,
            LocalDate dueOn,
            long daysOverdue) {

        public boolean overdue() {
            return daysOverdue > 0;
        }
    }

    /** What IT sends to issue the holder of a lost or stolen device another one (inventory-service). */
    public record Replacement(String assetTag, LocalDate dueOn, String note) {}

    /** One entry of a device's history (inventory-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(
            long id,
            Instant occurredAt,
            String actor,
            String action,
            String fromStatus,
            String toStatus,
            String reason) {}

    /** The signed-in person's own record (inventory-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Me(UUID id, String districtId, String name) {}

    /** How many devices are in each status, of one school or all (inventory-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InventorySummary(long total, List<StatusCount> statuses) {

        public long count(String status) {
            return statuses.stream()
                    .filter(s -> s.status().equals(status))
                    .mapToLong(StatusCount::count)
                    .sum();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusCount(String status, long count) {}

    /** The counts of the IT home page that check-ins give (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CheckInSummary(
            LocalDate asOf,
            long overdue,
            long nonCompliant,
            long lostSeen,
            long openReturnTasks,
            long overdueReturnTasks,
            List<SchoolSummary> schools) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SchoolSummary(String school, long overdue, long nonCompliant) {}

    /** A device overdue for check-in (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverdueDevice(
            UUID deviceId,
            String assetTag,
            String type,
            String school,
            String status,
            String assigneeDistrictId,
            Instant lastCheckInAt,
            boolean neverSeen,
            LocalDate dueOn,
            long daysOverdue) {}

    /** A device whose last check-in broke the district's baseline (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NonCompliantDevice(
            UUID deviceId,
            String assetTag,
            String type,
            String school,
            String assigneeDistrictId,
            Instant lastCheckInAt,
            List<ComplianceIssue> issues) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComplianceIssue(String code, String description) {}

    /** One check-in of a device (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CheckIn(
            Instant receivedAt,
            String osName,
            String osVersion,
            LocalDate lastPatchDate,
            boolean diskEncryption,
            boolean passwordProtection,
            String site,
            boolean compliant,
            List<ComplianceIssue> issues,
            String source) {}

    /** A lock, wipe or locate command (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Command(
            UUID id,
            UUID deviceId,
            String type,
            String status,
            String issuedBy,
            String reason,
            Instant createdAt,
            Instant deliveredAt,
            Instant doneAt,
            Instant cancelledAt) {

        public boolean pending() {
            return "PENDING".equals(status) || "DELIVERED".equals(status);
        }
    }

    /** What the console sends to issue a command. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommandRequest(String type, String message, String reason, String confirmAssetTag) {}

    /** A lost or stolen device that checked in lately (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LostSeenDevice(
            UUID deviceId, String assetTag, String type, String school, String status, Instant seenAt, String site) {}

    /** What the console sends when IT received a device back. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Returned(String note) {}

    /** A device to be given back: its holder leaves (DEPARTURE) or a loaner is due (LOAN) (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReturnTask(
            UUID id,
            UUID personId,
            UUID deviceId,
            String assetTag,
            String deviceType,
            String school,
            boolean sensitiveData,
            String returnTo,
            LocalDate dueOn,
            String reason,
            String status,
            Instant openedAt,
            Instant escalatedAt,
            int escalations,
            Instant returnedAt,
            String receivedBy) {}

    /** A loss or theft report (loss-report-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LossReport(
            UUID id,
            String reportNumber,
            String status,
            String kind,
            ReportedDevice device,
            String reportedBy,
            String holderDistrictId,
            Instant reportedAt,
            Instant lastSeenAt,
            String lastSeenLocation,
            Police police,
            BigDecimal costOwed,
            Instant closedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportedDevice(UUID id, String assetTag, String serialNumber, String description, String school) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Police(boolean notified, String agency, String caseNumber, boolean reportOwed) {}

    /** A person of the district (inventory-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(
            UUID id,
            String districtId,
            String givenName,
            String familyName,
            String email,
            String kind,
            String school,
            PersonRef supervisor,
            boolean active,
            LocalDate departedOn,
            LocalDate aupAcknowledgedOn,
            boolean aupCurrent) {

        public String name() {
            return givenName + " " + familyName;
        }
    }

    /** What HR sends to offboard a person (checkin-service). */
    public record Offboarding(UUID personId, LocalDate lastWorkingDay) {}

    /** The offboarding as recorded, with the return tasks it opened (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OffboardingResult(UUID offboardingId, int tasksOpened) {}

    /** A person's name by their district id (inventory-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonName(UUID id, String districtId, String name) {}

    /** One entry of a report's history (loss-report-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportEntry(Instant at, String actor, String action, String note) {}

    /** A report with its history, as IT and auditors read it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportDetail(
            UUID id,
            String reportNumber,
            String status,
            String kind,
            ReportedDevice device,
            String reportedBy,
            String holderDistrictId,
            Instant reportedAt,
            Instant lastSeenAt,
            String lastSeenLocation,
            String circumstances,
            Police police,
            BigDecimal costOwed,
            Instant closedAt,
            List<ReportEntry> history) {}

    /** A notification of a report and its delivery (loss-report-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notification(
            UUID id, String consumer, String channel, String status, int attempts, Instant createdAt, Instant sentAt) {}

    /** What IT sends when a device is found. */
    public record Recovery(String note) {}

    /** What IT sends when a device is written off, with what is owed for it. */
    public record WriteOff(BigDecimal costOwed, String note) {}

    /** A loss or theft report as the console files it for the signed-in person. */
    public record NewReport(
            String assetTag,
            String kind,
            Instant lastSeenAt,
            String lastSeenLocation,
            String circumstances,
            String contactPhone,
            Boolean policeNotified,
            String policeAgency,
            String policeCaseNumber) {}

    /** The police agency and case number of a theft, added after the report. */
    public record PoliceReport(String policeAgency, String policeCaseNumber) {}

    /** Open loss reports (loss-report-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LossReportSummary(long open, long openLost, long openStolen, long policeReportOwed) {}

    /** What an import did, or for a dry run would do (inventory-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportReport(
            long rows,
            long created,
            long updated,
            long unchanged,
            long rejected,
            boolean committed,
            boolean dryRun,
            String stoppedEarly,
            List<RowError> errors,
            boolean errorsTruncated) {

        /** Rows that are, or would be, saved. */
        public long accepted() {
            return created + updated + unchanged;
        }
    }

    /** A row of an import that was refused, with each reason. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RowError(Long line, String key, List<FieldProblem> errors) {}

    /** One thing wrong with a field of a request or a column of a row, as the services word it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldProblem(String field, String message) {}

    /** A device as IT registers it (inventory-service). */
    public record NewDevice(
            String assetTag,
            String serialNumber,
            String type,
            String make,
            String model,
            String school,
            String ownership,
            Boolean sensitiveData,
            NewAcquisition acquisition,
            LocalDate warrantyEnd,
            String notes,
            String ownerDistrictId) {}

    /** How the district acquired a device it registers. */
    public record NewAcquisition(
            String type, String vendor, String purchaseOrder, BigDecimal cost, LocalDate acquiredOn, String donor) {}

    /** A person as IT or HR records them (inventory-service). */
    public record NewPerson(
            String districtId,
            String givenName,
            String familyName,
            String email,
            String kind,
            String school,
            String supervisorDistrictId,
            Boolean active,
            LocalDate departedOn,
            LocalDate aupAcknowledgedOn) {}

    /** A move the lifecycle allows a device now, and the operation that makes it (inventory-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Move(String operation, String status) {}

    /** What IT sends to move a device, by operation (inventory-service). */
    public static final class MoveRequest {

        private MoveRequest() {}

        /** With {@code dueOn} the device is a loaner, due back that day. */
        public record Assignment(String personDistrictId, String note, LocalDate dueOn) {}

        public record Return(String note) {}

        public record Sanitization(String method, String note) {}

        public record StatusChange(String status, String reason, BigDecimal costOwed) {}
    }

    /** Whether a device has a credential for its agent, and who issued it when (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CredentialStatus(UUID deviceId, boolean issued, Instant issuedAt, String issuedBy) {}

    /** A newly issued device credential: the only copy of its secret (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssuedCredential(UUID deviceId, String credential, Instant issuedAt, String issuedBy) {}

    /** A new one-time enrolment code for a device's agent; the answer is its only copy. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnrolmentCode(UUID deviceId, String code, Instant expiresAt) {}

    /** Where a lost or stolen device said it was (checkin-service; IT only). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Locations(UUID deviceId, String status, List<Location> locations) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(
            Instant seenAt, double latitude, double longitude, Double accuracyMeters, String site, String ipAddress) {}

    /** Check-ins received and devices overdue on one district day (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DailyCount(LocalDate day, long checkIns, Long overdue) {}

    /**
     * A charge: what one person owes for one device they damaged or lost, and where it stands (inventory-service).
     * Read by itself it lists its payments and waivers; a list leaves them out.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Charge(
            UUID id,
            PersonRef person,
            UUID deviceId,
            String assetTag,
            String reason,
            String description,
            BigDecimal amount,
            BigDecimal paid,
            BigDecimal waived,
            BigDecimal outstanding,
            String status,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            List<Payment> payments,
            List<Waiver> waivers) {

        /** Something is still owed: the charge takes payments and waivers. */
        public boolean open() {
            return outstanding != null && outstanding.signum() > 0;
        }
    }

    /** A payment recorded against a charge. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(
            UUID id,
            BigDecimal amount,
            LocalDate paidOn,
            String reference,
            String note,
            String recordedBy,
            Instant recordedAt) {}

    /** Part or all of a charge the district waived, and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Waiver(UUID id, BigDecimal amount, String reason, String recordedBy, Instant recordedAt) {}

    /** What a person has been charged, paid and waived in all, and what they still owe. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Balance(
            UUID personId,
            String districtId,
            long charges,
            long openCharges,
            BigDecimal charged,
            BigDecimal paid,
            BigDecimal waived,
            BigDecimal outstanding) {

        public boolean owes() {
            return outstanding != null && outstanding.signum() > 0;
        }
    }

    /** IT charges a person for a device they damaged or lost. */
    public record NewCharge(UUID personId, UUID deviceId, String reason, BigDecimal amount, String description) {}

    /** IT records a payment a person made against a charge. */
    public record NewPayment(BigDecimal amount, LocalDate paidOn, String reference, String note) {}

    /** IT waives part or all of what is outstanding on a charge. */
    public record NewWaiver(BigDecimal amount, String reason) {}

    /** One sync of a device manager, Google Admin or Intune (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SyncRun(
            long id,
            String provider,
            String kind,
            String status,
            Instant startedAt,
            Instant finishedAt,
            Instant since,
            int pages,
            int devicesSeen,
            int checkIns,
            int unknownDevices,
            int vanished,
            int commandsSent,
            int commandsHeld,
            int errors,
            String error) {

        public boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }

        public boolean failed() {
            return "FAILED".equals(status);
        }

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    /** A device a device manager lists that matches no device in inventory (checkin-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnknownDevice(
            String provider,
            String providerDeviceId,
            String serialNumber,
            String assetTag,
            String status,
            Instant lastSync,
            String site,
            Instant firstSeenAt,
            Instant lastListedAt) {}

    /**
     * A personal device and its standing under the district's policy (inventory-service): what it is, whose it is,
     * what they asked for and what was decided. {@code access} is PENDING, APPROVED, REFUSED, EXPIRED or REMOVED.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonalDevice(
            UUID id,
            String assetTag,
            String serialNumber,
            String type,
            String make,
            String model,
            String school,
            String deviceStatus,
            PersonRef owner,
            String access,
            boolean awaitingDecision,
            String purpose,
            boolean lockAndLocateConsent,
            Instant requestedAt,
            Instant renewalRequestedAt,
            LocalDate expiresOn,
            LocalDate renewableFrom,
            String decidedBy,
            Instant decidedAt,
            String reason) {

        /** Make and model, as people name a device ("Apple MacBook Air 13"). */
        public String description() {
            String text = ((make == null ? "" : make) + " " + (model == null ? "" : model)).trim();
            return text.isEmpty() ? null : text;
        }

        /** Whether the approval runs and the owner asked to renew it (the approvers decide the renewal). */
        public boolean renewalPending() {
            return "APPROVED".equals(access) && renewalRequestedAt != null;
        }

        /** Whether access ended (refused, expired or removed) with a reason the owner is told. */
        public boolean ended() {
            return "REFUSED".equals(access) || "EXPIRED".equals(access) || "REMOVED".equals(access);
        }
    }

    /** A staff member registers their own device and asks for access (inventory-service). */
    public record NewPersonalDevice(
            String type,
            String make,
            String model,
            String serialNumber,
            String purpose,
            Boolean lockAndLocateConsent) {}

    /** An approver's (or IT's) decision: APPROVE or REFUSE, with the reason a refusal needs. */
    public record PersonalDeviceDecision(String decision, String reason) {}

    /** The owner asks again; the purpose stays as it was when none is given. */
    public record PersonalDeviceRenewal(String purpose) {}

    /** IT removes a personal device's access, with the reason the owner and the approvers are told. */
    public record PersonalDeviceRemoval(String reason) {}
}
