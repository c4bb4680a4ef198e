package org.district.lossreport.web;

import io.quarkus.qute.TemplateData;
import java.util.Map;

/** A report on its own page, with the reporter's police report form while one is owed. */
@TemplateData
public record ReportPage(
        PageHeader header,
        String id,
        String reportNumber,
        String status,
        String kind,
        String assetTag,
        String device,
        String school,
        String reportedBy,
        String reportedAt,
        String lastSeenAt,
        String lastSeenLocation,
        String circumstances,
        String police,
        boolean policeReportOwed,
        boolean mayRecordPolice,
        boolean justFiled,
        String policeAgency,
        String policeCaseNumber,
        Map<String, String> errors) {

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
