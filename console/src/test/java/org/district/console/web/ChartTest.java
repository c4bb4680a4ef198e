package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The home page's charts: one bar per day, scaled to the highest day, a day not counted left without a bar. */
class ChartTest {

    record Day(LocalDate day, Long value) {}

    @Test
    void drawsOneBarPerDayScaledToTheHighestAndLeavesUncountedDaysOut() {
        LocalDate today = LocalDate.of(2026, 12, 4);
        Chart chart = Chart.of(
                "checkins",
                "Check-ins per day",
                30,
                today,
                List.of(new Day(today, 50L), new Day(today.minusDays(1), 100L), new Day(today.minusDays(40), 999L)),
                Day::day,
                Day::value);

        assertThat(chart.bars()).hasSize(30);
        assertThat(chart.first()).isEqualTo("Nov 5");
        assertThat(chart.last()).isEqualTo("Dec 4");
        assertThat(chart.highest()).as("a day outside the 30 is not drawn").isEqualTo(100);
        Chart.Bar yesterday = chart.bars().get(28);
        Chart.Bar latest = chart.bars().get(29);
        assertThat(yesterday.y() + yesterday.height()).isEqualTo(chart.baseline());
        assertThat(latest.height() * 2).isBetween(yesterday.height() - 1, yesterday.height() + 1);
        assertThat(chart.bars().get(0).value()).isNull();
        assertThat(chart.bars().get(0).height()).isZero();
        assertThat(chart.summary())
                .isEqualTo("Check-ins per day from Nov 5 to Dec 4: highest 100 on Dec 3, latest 50 on Dec 4.");
        assertThat(chart.empty()).isFalse();
    }

    @Test
    void aChartWithNothingCountedSaysSo() {
        Chart chart =
                Chart.of("overdue", "Overdue", 30, LocalDate.of(2026, 12, 4), List.<Day>of(), Day::day, Day::value);
        assertThat(chart.empty()).isTrue();
        assertThat(chart.summary()).isEqualTo("Overdue: no day counted yet.");
    }
}
