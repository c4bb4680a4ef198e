package org.district.checkin.rest;

import java.time.LocalDate;
import java.util.List;

/** Counts of overdue devices per school, with their total. */
public record OverdueCountsView(LocalDate asOf, long total, List<SchoolCountView> schools) {}
