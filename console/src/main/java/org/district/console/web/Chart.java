package org.district.console.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A bar chart of the last days, drawn by the page itself as SVG (no script, nothing from another origin): one bar per
 * day, scaled to the highest day, with the numbers in a table under it for anyone who does not read the picture.
 *
 * @param bars the days shown, oldest first, each with its value (null: not counted that day)
 * @param highest the highest day's value, the top of the scale
 */
public record Chart(String id, String title, List<Bar> bars, long highest) {

    /** The drawing's size, in its own units (the page scales it to the width it has). */
    public static final int WIDTH = 600;

    public static final int HEIGHT = 160;

    private static final int TOP = 12;
    private static final int BOTTOM = 20;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    /** One day's bar; {@code value} null when the day was not counted (no bar). */
    public record Bar(String day, String label, Long value, int x, int y, int width, int height) {}

    /** The chart of {@code days} district days up to {@code today}, from each day's value. */
    public static <T> Chart of(
            String id,
            String title,
            int days,
            LocalDate today,
            List<T> counted,
            Function<T, LocalDate> day,
            Function<T, Long> value) {
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Long> byDay = new java.util.HashMap<>();
        for (T c : counted) {
            LocalDate d = day.apply(c);
            if (value.apply(c) != null && !d.isBefore(first) && !d.isAfter(today)) {
                byDay.put(d, value.apply(c));
            }
        }
        long highest = byDay.values().stream().mapToLong(Long::longValue).max().orElse(0);
        int slot = WIDTH / days;
        int plot = HEIGHT - TOP - BOTTOM;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate d = today.minusDays(days - 1L - i);
            Long v = byDay.get(d);
            int height = v == null || highest == 0 ? 0 : (int) Math.max(1, Math.round(plot * (double) v / highest));
            bars.add(new Bar(d.toString(), SHORT.format(d), v, i * slot + 1, TOP + plot - height, slot - 2, height));
        }
        return new Chart(id, title, bars, highest);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public boolean empty() {
        return bars.stream().allMatch(b -> b.value() == null);
    }

    public String first() {
        return bars.get(0).label();
    }

    public String last() {
        return bars.get(bars.size() - 1).label();
    }

    /** Where the day labels sit: under the chart's baseline. */
    public int labelY() {
        return HEIGHT - 4;
    }

    public int baseline() {
        return HEIGHT - BOTTOM;
    }

    /** What the picture shows, in a sentence, for screen readers. */
    public String summary() {
        List<Bar> counted = bars.stream().filter(b -> b.value() != null).toList();
        if (counted.isEmpty()) {
            return title + ": no day counted yet.";
        }
        Bar top = counted.stream()
                .max(java.util.Comparator.comparingLong(Bar::value))
                .orElseThrow();
        Bar latest = counted.get(counted.size() - 1);
        return title + " from " + first() + " to " + last() + ": highest " + top.value() + " on " + top.label()
                + ", latest " + latest.value() + " on " + latest.label() + ".";
    }
}
