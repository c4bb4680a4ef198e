package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportStatus;
import org.district.lossreport.LossReport;
import org.district.lossreport.LossReportEntry;

/**
 * A loss report as the API shows it. The reporter's contact phone is shown only to the reporter, IT and auditors; the
 * report's history only to IT and auditors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LossReportView(
        UUID id,
        String reportNumber,
        LossReportStatus status,
        LossKind kind,
        Device device,
        String reportedBy,
        String holderDistrictId,
        Instant reportedAt,
        Instant lastSeenAt,
        String lastSeenLocation,
        String circumstances,
        String contactPhone,
        Police police,
        BigDecimal costOwed,
        Instant closedAt,
        String closedBy,
        long version,
        Instant updatedAt,
        List<Entry> history) {

    /** The device as it was when reported. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Device(UUID id, String assetTag, String serialNumber, String description, String school) {}

    /**
     * Where the police report stands.
     *
     * @param reportOwed a theft without a police case number yet; the reporter is reminded until it is recorded
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Police(boolean notified, String agency, String caseNumber, boolean reportOwed) {}

    /** One thing that happened to the report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Instant at, String actor, String action, String note) {
        static Entry of(LossReportEntry e) {
            return new Entry(e.occurredAt, e.actor, e.action, e.note);
        }
    }

    public static LossReportView of(LossReport r, boolean withPhone, List<LossReportEntry> history) {
        return new LossReportView(
                r.id,
                r.reportNumber,
                r.status,
                r.kind,
                new Device(r.deviceId, r.assetTag, r.serialNumber, r.deviceDescription, r.school),
                r.reportedBy,
                r.holderDistrictId,
                r.reportedAt,
                r.lastSeenAt,
                r.lastSeenLocation,
                r.circumstances,
                withPhone ? r.contactPhone : null,
                new Police(r.policeNotified, r.policeAgency, r.policeCaseNumber, r.policeReportOwed),
                r.costOwed,
                r.closedAt,
                r.closedBy,
                r.version,
                r.updatedAt,
                history == null ? null : history.stream().map(Entry::of).toList());
    }
}
