package org.district.lossreport.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.district.contracts.Topics;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReportUpdated;
import org.district.contracts.lossreport.LossReportWrittenOff;
import org.district.contracts.lossreport.LossReported;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.repository.LossReportRepository;
import org.district.support.outbox.Outbox;
import org.district.support.outbox.OutgoingEvent;

/**
 * Publishes each change of a report through the outbox, in the transaction of the change, keyed by device id so one
 * device's events stay in order. The reporter's phone never goes into an event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LossReportEvents {

    static final String AGGREGATE = "LossReport";

    @Inject
    LossReportRepository reports;

    @Inject
    Outbox outbox;

    public UUID reported(LossReport r) {
        return publish(
                r,
                LossReported.TYPE,
                LossReported.SCHEMA_VERSION,
                new LossReported(
                        r.id,
                        r.reportNumber,
                        r.deviceId,
                        r.assetTag,
                        r.kind,
                        r.reportedBy,
                        r.holderId,
                        r.school,
                        r.lastSeenAt,
                        r.lastSeenLocation,
                        r.circumstances,
                        r.policeNotified,
                        r.policeAgency,
                        r.policeCaseNumber,
                        r.policeReportOwed,
                        r.reportedAt));
    }

    public UUID updated(LossReport r, String note, String actor) {
        return publish(
                r,
                LossReportUpdated.TYPE,
                LossReportUpdated.SCHEMA_VERSION,
                new LossReportUpdated(
                        r.id,
                        r.deviceId,
                        r.kind,
                        r.policeNotified,
                        r.policeAgency,
                        r.policeCaseNumber,
                        r.policeReportOwed,
                        note,
                        actor,
                        r.updatedAt));
    }

    public UUID recovered(LossReport r, Instant recoveredAt, String actor, String note) {
        return publish(
                r,
                LossReportRecovered.TYPE,
                LossReportRecovered.SCHEMA_VERSION,
                new LossReportRecovered(r.id, r.deviceId, recoveredAt, actor, note));
    }

    public UUID writtenOff(LossReport r, String actor, String note) {
        return publish(
                r,
                LossReportWrittenOff.TYPE,
                LossReportWrittenOff.SCHEMA_VERSION,
                new LossReportWrittenOff(r.id, r.deviceId, r.costOwed, r.closedAt, actor, note));
    }

    private UUID publish(LossReport r, String type, int schemaVersion, Object data) {
        // Flushing first makes the report's version the one this event describes.
        reports.flush();
        return outbox.publish(new OutgoingEvent(
                Topics.LOSS_REPORTS,
                r.deviceId.toString(),
                AGGREGATE,
                r.id.toString(),
                r.version,
                type,
                schemaVersion,
                data));
    }
}
