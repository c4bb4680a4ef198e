package org.district.checkin.mdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A device manager's times are taken only when they are times the database can store and a device can have. */
class UntrustedTest {

    @Test
    void aTimeIsTakenBetween1990AndTheYear9999Only() {
        assertThat(Untrusted.time("2026-11-30T08:15:00Z")).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
        assertThat(Untrusted.time("2026-11-30T08:15:00-05:00")).isEqualTo(Instant.parse("2026-11-30T13:15:00Z"));
        assertThat(Untrusted.time("0001-01-01T00:00:00Z"))
                .as("Graph's never synced")
                .isNull();
        assertThat(Untrusted.time("+10000-01-01T00:00:00Z")).isNull();
        assertThat(Untrusted.time("9999-12-31T23:59:59Z")).isNotNull();
        assertThat(Untrusted.time("yesterday")).isNull();
    }

    @Test
    void millisecondsSinceTheEpochAreHeldToTheSameBounds() {
        assertThat(Untrusted.epochMillis("1798675200000")).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(Untrusted.epochMillis("999999999999999"))
                .as("fifteen digits reach the year 33658")
                .isNull();
        assertThat(Untrusted.epochMillis("0")).isNull();
        assertThat(Untrusted.epochMillis("-1")).isNull();
        assertThat(Untrusted.epochMillis("1e12")).isNull();
        assertThat(Untrusted.epochMillis(null)).isNull();
    }
}
