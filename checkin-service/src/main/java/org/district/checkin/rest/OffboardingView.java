package org.district.checkin.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An offboarding and the return tasks the person has open after it. */
public record OffboardingView(
        UUID offboardingId, UUID personId, LocalDate lastWorkingDay, int tasksOpened, List<ReturnTaskView> openTasks) {}
