package org.district.lossreport.rest;

/** How many reports are open: in all, lost, stolen, and thefts still owing a police case number. */
public record LossReportSummaryView(long open, long openLost, long openStolen, long policeReportOwed) {}
