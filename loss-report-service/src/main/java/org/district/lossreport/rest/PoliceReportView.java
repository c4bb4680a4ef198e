package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the police report of a loss report stands.
 *
 * @param reportOwed a theft without a police case number yet; the reporter is reminded until it is recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoliceReportView(boolean notified, String agency, String caseNumber, boolean reportOwed) {}
