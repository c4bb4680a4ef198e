package org.district.support.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The current time as the services record it (microseconds, as PostgreSQL stores it, so a value read back equals the
 * value written) and the district's calendar date.
 */
@ApplicationScoped
public class DistrictClock {

    @Inject
    TimeSettings settings;

    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The district's date today. */
    public LocalDate today() {
        return dayOf(clock.instant());
    }

    /** The district's date at an instant. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, settings.zone());
    }

    /** The district's calendar year today. */
    public int year() {
        return today().getYear();
    }

    public ZoneId zone() {
        return settings.zone();
    }
}
