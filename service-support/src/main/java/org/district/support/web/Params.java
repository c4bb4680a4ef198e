package org.district.support.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;

/**
 * Parses query and path parameters, answering 400 (or 404 for ids in the path) that names the parameter instead of
 * the JAX-RS default of an anonymous 404.
 */
public final class Params {

    private Params() {}

    /** An optional enum value; blank means absent. */
    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw InvalidException.of(name, "must be one of " + allowed + ".");
        }
    }

    /** An optional integer in [min, max]; blank gives the default. */
    public static int intInRange(String name, String raw, int min, int max, int defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw InvalidException.of(name, "must be between " + min + " and " + max + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            throw InvalidException.of(name, "must be a whole number between " + min + " and " + max + ".");
        }
    }

    /** An optional UUID; blank means absent. */
    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidException.of(name, "must be a UUID.");
        }
    }

    /** An optional date (YYYY-MM-DD); blank means absent. */
    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw InvalidException.of(name, "must be a date in the form YYYY-MM-DD.");
        }
    }

    /** An optional free-text filter, trimmed, at most {@code max} characters. */
    public static String text(String name, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        if (value.length() > max) {
            throw InvalidException.of(name, "must be at most " + max + " characters.");
        }
        return value;
    }

    /** The shortest text a search matches on: shorter fragments match too much to be an index's work. */
    public static final int MIN_SEARCH_TEXT = 3;

    /** An optional search text ({@code q}), trimmed, from {@value #MIN_SEARCH_TEXT} to {@code max} characters. */
    public static String searchText(String name, String raw, int max) {
        String value = text(name, raw, max);
        if (value != null && value.length() < MIN_SEARCH_TEXT) {
            throw InvalidException.of(name, "must be at least " + MIN_SEARCH_TEXT + " characters.");
        }
        return value;
    }

    /** Two optional dates bounding a range, both inclusive; either may be absent. */
    public record DateRange(LocalDate from, LocalDate to) {}

    /**
     * An optional range of dates (YYYY-MM-DD), both ends inclusive: every malformed end is named, and an end before
     * the start is refused.
     */
    public static DateRange dateRange(String fromName, String from, String toName, String to) {
        ParamCheck check = new ParamCheck();
        LocalDate start = check.get(() -> date(fromName, from));
        LocalDate end = check.get(() -> date(toName, to));
        check.done();
        if (start != null && end != null && end.isBefore(start)) {
            throw InvalidException.of(toName, "must not be before " + fromName + ".");
        }
        return new DateRange(start, end);
    }

    /** An optional comma-separated set of enum values ("OPEN,OVERDUE"); null when none is given. */
    public static <E extends Enum<E>> Set<E> enumSet(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Set<E> values = EnumSet.noneOf(type);
        for (String part : raw.split(",")) {
            if (!part.isBlank()) {
                values.add(enumValue(name, part, type));
            }
        }
        return values.isEmpty() ? null : values;
    }

    /**
     * The id of a resource named in the path. A malformed id cannot name anything, so it is answered like an unknown
     * one: 404.
     */
    public static UUID pathId(String what, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            String shown = raw == null ? "" : raw.length() > 64 ? raw.substring(0, 64) + "..." : raw;
            throw new NotFoundException(what, shown);
        }
    }
}
