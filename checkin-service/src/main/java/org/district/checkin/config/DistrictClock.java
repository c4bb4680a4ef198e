package org.district.checkin.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The current time as this service records it (microseconds, as PostgreSQL stores it) and the district's date. */
@ApplicationScoped
public class DistrictClock {

    @Inject
    CheckinSettings settings;

    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.timeZone());
    }

    /** The district's date at an instant. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, settings.timeZone());
    }
}
