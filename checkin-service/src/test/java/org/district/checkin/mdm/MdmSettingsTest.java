package org.district.checkin.mdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a WIPE waits for a manager whose syncs fail, from the sync's round as districts write it. */
class MdmSettingsTest {

    @Test
    void aWipeWaitsThreeRoundsOfTheSyncAndAtLeastAnHour() {
        assertThat(every("15m").wipeWaitsForSyncWithin()).isEqualTo(Duration.ofHours(1));
        assertThat(every("30m").wipeWaitsForSyncWithin()).isEqualTo(Duration.ofMinutes(90));
        assertThat(every("2h").wipeWaitsForSyncWithin()).isEqualTo(Duration.ofHours(6));
        assertThat(every("PT45M").wipeWaitsForSyncWithin()).isEqualTo(Duration.ofMinutes(135));
        assertThat(every("1d").wipeWaitsForSyncWithin()).isEqualTo(Duration.ofDays(3));
        // What the scheduler would refuse anyway falls back to the default round's hour.
        assertThat(every("often").wipeWaitsForSyncWithin()).isEqualTo(Duration.ofHours(1));
    }

    private static MdmSettings every(String every) {
        return new MdmSettings() {
            @Override
            public String delay() {
                return "1m";
            }

            @Override
            public String every() {
                return every;
            }

            @Override
            public Duration fullEvery() {
                return Duration.ofDays(1);
            }

            @Override
            public Duration overlap() {
                return Duration.ofMinutes(10);
            }

            @Override
            public int maxAttempts() {
                return 6;
            }

            @Override
            public Duration maxRetryWait() {
                return Duration.ofMinutes(2);
            }

            @Override
            public Duration requestTimeout() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
