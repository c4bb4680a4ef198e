package org.district.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.district.support.time.DistrictClock;

/**
 * Times as people in the district read them: in the district's time zone, in words ("Dec 4, 2026, 5:33 AM"), never an
 * ISO instant; in Spanish on the staff pages a person reads in Spanish. Templates call it as {@code inject:when}.
 */
@Named("when")
@ApplicationScoped
public class When {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    @Inject
    DistrictClock clock;

    @Inject
    Language language;

    /** The page's language as dates are written in it (US English unless the person reads Spanish). */
    private Locale locale() {
        try {
            return "es".equals(language.code()) ? Locale.forLanguageTag("es-US") : Locale.US;
        } catch (RuntimeException e) {
            // No request (or none that reached a page): US English.
            return Locale.US;
        }
    }

    /** The moment in the district's zone, for example "Dec 4, 2026, 5:33 AM"; empty for none. */
    public String time(Instant at) {
        return at == null ? "" : TIME.withLocale(locale()).format(at.atZone(clock.zone()));
    }

    /** A day, for example "Dec 4, 2026"; empty for none. */
    public String date(LocalDate day) {
        return day == null ? "" : DATE.withLocale(locale()).format(day);
    }

    /** The day of a moment in the district's zone, for example "Dec 4, 2026"; empty for none. */
    public String day(Instant at) {
        return at == null ? "" : DATE.withLocale(locale()).format(at.atZone(clock.zone()));
    }

    /** The district's time zone as people name it, for example "Central Time". */
    public String zoneName() {
        return clock.zone().getDisplayName(java.time.format.TextStyle.FULL, locale());
    }

    /** The machine-readable form of the moment, for the page's time element. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** How long ago, in the largest whole unit: "just now", "5 minutes ago", "3 days ago". */
    public String ago(Instant at) {
        if (at == null) {
            return "";
        }
        Duration age = Duration.between(at, clock.now());
        if (age.isNegative() || age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return plural(age.toMinutes(), "minute") + " ago";
        }
        if (age.toDays() < 1) {
            return plural(age.toHours(), "hour") + " ago";
        }
        return plural(age.toDays(), "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
