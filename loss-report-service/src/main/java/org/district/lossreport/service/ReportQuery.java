package org.district.lossreport.service;

import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportStatus;

/**
 * Which reports a list asks for; null fields do not filter. The list is narrowed further to what the caller may read.
 *
 * @param from the first day of reporting to include, in the district's time zone
 * @param to the last day of reporting to include, in the district's time zone
 */
public record ReportQuery(
        LossReportStatus status, LossKind kind, String school, LocalDate from, LocalDate to, UUID deviceId) {}
