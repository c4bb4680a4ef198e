package org.district.checkin.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.district.checkin.entity.ReturnTask;

/** Filters of the return-task list; null means "any". */
public record ReturnTaskFilter(
        Set<ReturnTask.Status> statuses, String school, LocalDate dueFrom, LocalDate dueTo, UUID personId) {}
