package org.district.inventory.service;

import static org.district.contracts.inventory.DeviceStatus.ASSIGNED;
import static org.district.contracts.inventory.DeviceStatus.LOST;
import static org.district.contracts.inventory.DeviceStatus.STOLEN;
import static org.district.contracts.inventory.DeviceStatus.WRITTEN_OFF;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.district.contracts.checkin.DeviceReturned;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReportUpdated;
import org.district.contracts.lossreport.LossReportWrittenOff;
import org.district.contracts.lossreport.LossReported;
import org.district.inventory.domain.DeviceLifecycle;
import org.district.inventory.entity.Device;
import org.district.inventory.repository.DeviceRepository;
import org.jboss.logging.Logger;

/**
 * Applies the status changes other services' events drive (see messaging/LifecycleEventConsumer): loss reports (LOST,
 * STOLEN, RECOVERED, WRITTEN_OFF) and returned devices from offboarding. Runs in the consumer's transaction, which also records the event id, so each event takes
 * effect once. An event that no longer fits the device's state (for example a recovery of a device IT already
 * retired) is recorded in the device's history as ignored rather than failing the stream.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LifecycleEventService {

    private static final Logger LOG = Logger.getLogger(LifecycleEventService.class);

    @Inject
    DeviceService devices;

    @Inject
    DeviceRepository repository;

    @Inject
    History history;

    public void lossReported(LossReported event, UUID eventId) {
        DeviceStatus target = event.kind() == LossKind.STOLEN ? STOLEN : LOST;
        String actor = "loss-report:" + event.reportedBy();
        String reason = "Loss report " + event.reportNumber() + ": "
                + event.kind().name().toLowerCase() + ".";
        withDevice(event.deviceId(), eventId, d -> {
            if (d.status == target) {
                return;
            }
            if (!DeviceLifecycle.allows(d.ownership, d.status, target)) {
                ignored(
                        d,
                        actor,
                        "Loss report " + event.reportNumber() + " could not mark the device " + target
                                + " because it is " + d.status + ".",
                        eventId);
                return;
            }
            devices.markMissing(d, target, actor, reason, eventId);
        });
    }

    public void lossReportUpdated(LossReportUpdated event, UUID eventId) {
        DeviceStatus target = event.kind() == LossKind.STOLEN ? STOLEN : LOST;
        String actor = "loss-report:" + event.updatedBy();
        withDevice(event.deviceId(), eventId, d -> {
            if (d.status == target || !List.of(LOST, STOLEN).contains(d.status)) {
                return;
            }
            devices.markMissing(d, target, actor, "Loss report reclassified as " + target + ".", eventId);
        });
    }

    public void recovered(LossReportRecovered event, UUID eventId) {
        String actor = "loss-report:" + event.recordedBy();
        withDevice(event.deviceId(), eventId, d -> {
            if (!List.of(LOST, STOLEN, WRITTEN_OFF).contains(d.status)) {
                ignored(d, actor, "A recovery was reported but the device is " + d.status + ".", eventId);
                return;
            }
            devices.recover(d, actor, note("Recovered.", event.note()), eventId);
        });
    }

    public void writtenOff(LossReportWrittenOff event, UUID eventId) {
        String actor = "loss-report:" + event.recordedBy();
        withDevice(event.deviceId(), eventId, d -> {
            if (!List.of(LOST, STOLEN).contains(d.status)) {
                ignored(d, actor, "A write-off was reported but the device is " + d.status + ".", eventId);
                return;
            }
            devices.writeOff(d, event.costOwed(), actor, note("Written off.", event.note()), eventId);
        });
    }

    public void returned(DeviceReturned event, UUID eventId) {
        String actor = "return-task:" + event.receivedBy();
        withDevice(event.deviceId(), eventId, d -> {
            if (d.status != ASSIGNED || d.ownership == Ownership.PERSONAL) {
                ignored(d, actor, "A return on departure was recorded but the device is " + d.status + ".", eventId);
                return;
            }
            if (event.personId() != null && !event.personId().equals(d.assignee.id)) {
                // The task's holder gave the device back earlier and it has been reassigned since: the return is stale.
                ignored(
                        d,
                        actor,
                        "A return on departure was recorded for a person who no longer holds the device (it is now"
                                + " assigned to " + d.assignee.districtId + ").",
                        eventId);
                return;
            }
            devices.comeBack(d, actor, "RETURNED", note("Returned on departure.", event.note()), eventId);
        });
    }

    private void withDevice(UUID deviceId, UUID eventId, Consumer<Device> change) {
        Optional<Device> device = deviceId == null ? Optional.empty() : repository.findForUpdate(deviceId);
        if (device.isEmpty()) {
            LOG.warnf("Event %s names device %s, which is not registered; ignored", eventId, deviceId);
            return;
        }
        change.accept(device.get());
    }

    private void ignored(Device d, String actor, String reason, UUID eventId) {
        LOG.warnf("Device %s: %s (event %s)", d.assetTag, reason, eventId);
        history.device(d, actor, "EVENT_IGNORED", d.status, d.status, List.of(), reason, eventId);
    }

    private static String note(String base, String note) {
        return note == null || note.isBlank() ? base : base + " " + note.trim();
    }
}
