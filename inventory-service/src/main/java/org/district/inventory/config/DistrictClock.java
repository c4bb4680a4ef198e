package org.district.inventory.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The current time as the registry records it (microsecond precision, as PostgreSQL stores it) and the district's date. */
@ApplicationScoped
public class DistrictClock {

    @Inject
    InventorySettings settings;

    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.timeZone());
    }
}
