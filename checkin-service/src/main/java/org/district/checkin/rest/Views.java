package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.district.checkin.Device;
import org.district.checkin.DeviceCommand;
import org.district.checkin.DeviceLocation;
import org.district.checkin.LocationRead;
import org.district.checkin.ReturnTask;
import org.district.checkin.compliance.ComplianceIssue;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;

/**
 * Response bodies. People appear only by their district id: IT needs to know whom to contact, not more. No view
 * carries a location except {@link LocationView}, which only IT reads.
 */
public final class Views {

    private Views() {}

    /** A device overdue for check-in. {@code lastCheckInAt} is absent for a device never seen. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OverdueDevice(
            UUID deviceId,
            String assetTag,
            DeviceType type,
            String school,
            DeviceStatus status,
            String assigneeDistrictId,
            Instant lastCheckInAt,
            boolean neverSeen,
            LocalDate dueOn,
            long daysOverdue) {

        public static OverdueDevice ofDevice(Device d, LocalDate today) {
            return new OverdueDevice(
                    d.id,
                    d.assetTag,
                    d.type,
                    d.school,
                    d.status,
                    d.assigneeDistrictId,
                    d.lastSeenAt,
                    d.lastSeenAt == null,
                    d.dueOn,
                    ChronoUnit.DAYS.between(d.dueOn, today));
        }
    }

    /** Overdue devices of one school. */
    public record SchoolCount(String school, long overdue) {}

    /** Counts of overdue devices per school, with their total. */
    public record OverdueCounts(LocalDate asOf, long total, List<SchoolCount> schools) {}

    /** One way a device falls short of the baseline. */
    public record Issue(String code, String description) {

        static List<Issue> of(String codes) {
            return ComplianceIssue.decode(codes).stream()
                    .map(i -> new Issue(i.name(), i.description()))
                    .toList();
        }
    }

    /** A non-compliant device, what it reported, and why it fails the baseline. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NonCompliantDevice(
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
            List<Issue> issues) {

        public static NonCompliantDevice ofDevice(Device d) {
            return new NonCompliantDevice(
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
                    Issue.of(d.complianceIssues));
        }
    }

    /** A command for a device and where it stands. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Command(
            UUID id,
            UUID deviceId,
            DeviceCommand.Type type,
            String message,
            DeviceCommand.Status status,
            String issuedBy,
            String reason,
            Instant createdAt,
            Instant deliveredAt,
            Instant doneAt,
            Instant cancelledAt,
            String cancelledBy) {

        static Command of(DeviceCommand c) {
            return new Command(
                    c.id,
                    c.deviceId,
                    c.type,
                    c.message,
                    c.status,
                    c.issuedBy,
                    c.reason,
                    c.createdAt,
                    c.deliveredAt,
                    c.doneAt,
                    c.cancelledAt,
                    c.cancelledBy);
        }
    }

    /** Where a missing device said it was. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(
            Instant seenAt, double latitude, double longitude, Double accuracyMeters, String site, String ipAddress) {

        static Location of(DeviceLocation l) {
            return new Location(l.seenAt, l.latitude, l.longitude, l.accuracyMeters, l.site, l.ipAddress);
        }
    }

    /** A device's stored locations; reading them is recorded. */
    public record Locations(UUID deviceId, DeviceStatus status, List<Location> locations) {}

    /** One recorded read of a device's locations. */
    public record LocationReadEntry(Long id, UUID deviceId, String readBy, Instant readAt, int locationsReturned) {

        static LocationReadEntry of(LocationRead r) {
            return new LocationReadEntry(r.id, r.deviceId, r.readBy, r.readAt, r.locationsReturned);
        }
    }

    /** A device a departing person must return. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Task(
            UUID id,
            UUID personId,
            UUID deviceId,
            String assetTag,
            DeviceType deviceType,
            String school,
            boolean sensitiveData,
            String returnTo,
            LocalDate dueOn,
            ReturnTask.Status status,
            Instant openedAt,
            Instant escalatedAt,
            Instant returnedAt,
            String receivedBy,
            String note,
            Instant closedAt,
            String closeReason) {

        public static Task ofTask(ReturnTask t) {
            return new Task(
                    t.id,
                    t.personId,
                    t.deviceId,
                    t.assetTag,
                    t.deviceType,
                    t.school,
                    t.sensitiveData,
                    Views.returnTo(t.sensitiveData),
                    t.dueOn,
                    t.status,
                    t.openedAt,
                    t.escalatedAt,
                    t.returnedAt,
                    t.receivedBy,
                    t.note,
                    t.closedAt,
                    t.closeReason);
        }
    }

    /** How a device is to be returned. Devices holding sensitive data go straight to district IT (policy). */
    public static String returnTo(boolean sensitiveData) {
        return sensitiveData
                ? "Hand it directly to district IT: it holds sensitive data and must be sanitized before reuse."
                : "Hand it to district IT or your school office.";
    }

    /** An offboarding and the return tasks the person has open after it. */
    public record OffboardingResult(
            UUID offboardingId, UUID personId, LocalDate lastWorkingDay, int tasksOpened, List<Task> openTasks) {}

    /** One stored check-in. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckIn(
            Instant receivedAt,
            String osName,
            String osVersion,
            String osBuild,
            LocalDate lastPatchDate,
            String antivirusProduct,
            LocalDate antivirusDefinitionsDate,
            boolean diskEncryption,
            boolean passwordProtection,
            String site,
            String ipAddress,
            boolean compliant,
            List<Issue> issues) {}
}
