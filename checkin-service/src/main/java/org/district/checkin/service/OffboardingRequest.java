package org.district.checkin.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** HR offboards a person: the same fields as the {@code OffboardingRequested} event. */
public record OffboardingRequest(UUID personId, @Size(max = 40) String districtId, @NotNull LocalDate lastWorkingDay) {}
