package org.district.checkin.mdm;

import java.time.Instant;
import org.district.checkin.domain.CheckInSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What IT and auditors see of the device managers' syncs. */
final class MdmViews {

    private MdmViews() {}

    @Schema(name = "MdmSyncRun", description = "One sync of a device manager: when, how far it got, what it saw")
    record SyncRunView(
            @Schema(description = "The run's number, rising with each run", required = true, example = "412") long id,
            @Schema(description = "The device manager", required = true, example = "GOOGLE_ADMIN")
                    CheckInSource provider,
            @Schema(
                            description = "FULL (every device, finding those removed) or INCREMENTAL (the devices"
                                    + " that reported since the last good sync)",
                            required = true,
                            enumeration = {"FULL", "INCREMENTAL"},
                            example = "INCREMENTAL")
                    String kind,
            @Schema(
                            description = "RUNNING, SUCCEEDED (errors may still count devices or commands it could"
                                    + " not deal with) or FAILED (see error)",
                            required = true,
                            enumeration = {"RUNNING", "SUCCEEDED", "FAILED"},
                            example = "SUCCEEDED")
                    String status,
            @Schema(description = "When it started", required = true, example = "2026-09-14T13:30:00Z")
                    Instant startedAt,
            @Schema(description = "When it ended; absent while it runs", example = "2026-09-14T13:31:12Z")
                    Instant finishedAt,
            @Schema(
                            description = "An incremental run listed the devices that reported since this time",
                            example = "2026-09-14T13:05:00Z")
                    Instant since,
            @Schema(description = "Pages of the listing read", required = true, minimum = "0", example = "3") int pages,
            @Schema(description = "Devices the manager listed", required = true, minimum = "0", example = "512")
                    int devicesSeen,
            @Schema(
                            description = "Check-ins written for devices inventory knows",
                            required = true,
                            minimum = "0",
                            example = "498")
                    int checkIns,
            @Schema(
                            description = "Listed devices inventory does not know",
                            required = true,
                            minimum = "0",
                            example = "2")
                    int unknownDevices,
            @Schema(description = "Devices a full run no longer found", required = true, minimum = "0", example = "1")
                    int vanished,
            @Schema(
                            description = "Commands the manager took (locks, re-enables)",
                            required = true,
                            minimum = "0",
                            example = "1")
                    int commandsSent,
            @Schema(
                            description = "Commands not sent because two of the manager's entries, both still syncing,"
                                    + " report the same device (one reports another machine's serial number, or a"
                                    + " re-enrolment's old entry still syncs): they wait for the device's agent, or for"
                                    + " IT to remove the wrong entry from the manager (the check-in service's log names"
                                    + " the entries)",
                            required = true,
                            minimum = "0",
                            example = "0")
                    int commandsHeld,
            @Schema(
                            description = "Entries, commands and requests that failed (a malformed device, a refused"
                                    + " command, a page that could not be had)",
                            required = true,
                            minimum = "0",
                            example = "0")
                    int errors,
            @Schema(
                            description = "Why the run failed; absent unless it did",
                            maxLength = 500,
                            example = "Google Admin: gave up after 6 tries (HTTP 503)")
                    String error) {

        static SyncRunView of(MdmRepository.SyncRun r) {
            return new SyncRunView(
                    r.id(),
                    r.provider(),
                    r.kind(),
                    r.status(),
                    r.startedAt(),
                    r.finishedAt(),
                    r.since(),
                    r.pages(),
                    r.devicesSeen(),
                    r.checkIns(),
                    r.unknownDevices(),
                    r.vanished(),
                    r.commandsSent(),
                    r.commandsHeld(),
                    r.errors(),
                    r.error());
        }
    }

    @Schema(
            name = "UnknownMdmDevice",
            description = "A device a device manager lists that inventory does not know (by serial number or asset"
                    + " tag); nothing is created for it: IT adds it to inventory or removes it from the manager")
    record UnknownDeviceView(
            @Schema(description = "The device manager", required = true, example = "GOOGLE_ADMIN")
                    CheckInSource provider,
            @Schema(
                            description = "The manager's id of the device",
                            required = true,
                            maxLength = 128,
                            example = "9a7c3e1f-4b2d-4e8a-b6c5-1d0f2e3a4b5c")
                    String providerDeviceId,
            @Schema(description = "Its serial number, as the manager has it", maxLength = 64, example = "5CD81234XY")
                    String serialNumber,
            @Schema(description = "Its asset tag, as the manager has it", maxLength = 64, example = "LHS-CB-0457")
                    String assetTag,
            @Schema(description = "The manager's status of the device", maxLength = 40, example = "ACTIVE")
                    String status,
            @Schema(description = "When the device last reported to the manager", example = "2026-09-14T07:55:00Z")
                    Instant lastSync,
            @Schema(
                            description = "Where the manager files it (organizational unit)",
                            maxLength = 60,
                            example = "/Students/Lincoln HS")
                    String site,
            @Schema(description = "When a sync first listed it", required = true, example = "2026-09-01T13:30:00Z")
                    Instant firstSeenAt,
            @Schema(description = "When a sync last listed it", required = true, example = "2026-09-14T13:30:00Z")
                    Instant lastListedAt) {

        static UnknownDeviceView of(MdmRepository.UnknownDevice d) {
            return new UnknownDeviceView(
                    d.provider(),
                    d.providerDeviceId(),
                    d.serialNumber(),
                    d.assetTag(),
                    d.status(),
                    d.lastSync(),
                    d.site(),
                    d.firstSeenAt(),
                    d.lastListedAt());
        }
    }
}
