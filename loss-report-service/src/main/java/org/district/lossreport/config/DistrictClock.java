package org.district.lossreport.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The current time as this service records it (microsecond precision, as PostgreSQL stores it). */
@ApplicationScoped
public class DistrictClock {

    @Inject
    LossReportSettings settings;

    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public ZoneId zone() {
        return settings.timeZone();
    }

    public int year() {
        return clock.instant().atZone(settings.timeZone()).getYear();
    }
}
