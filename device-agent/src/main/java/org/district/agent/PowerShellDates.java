package org.district.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as PowerShell's ConvertTo-Json writes them: Windows PowerShell 5 writes {@code "\/Date(1733299200000)\/"}
 * (milliseconds since the epoch, sometimes with an offset suffix), or an object {@code {"value": "\/Date(...)\/",
 * "DateTime": "..."}} for a script property; PowerShell 7 writes ISO-8601 strings.
 */
final class PowerShellDates {

    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private PowerShellDates() {}

    /** The local date (in {@code zone}) of a date node in either form, or empty. */
    static Optional<LocalDate> localDate(JsonNode node, ZoneId zone) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isObject()) {
            return localDate(node.get("value"), zone);
        }
        if (!node.isTextual()) {
            return Optional.empty();
        }
        String text = node.asText().strip();
        Matcher m = MS_DATE.matcher(text);
        if (m.find()) {
            return Optional.of(LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(m.group(1))), zone));
        }
        try {
            if (text.endsWith("Z")) {
                return Optional.of(LocalDate.ofInstant(Instant.parse(text), zone));
            }
            if (text.length() > 19
                    && (text.charAt(text.length() - 6) == '+' || text.charAt(text.length() - 6) == '-')) {
                return Optional.of(OffsetDateTime.parse(text).toLocalDate());
            }
            if (text.length() > 10) {
                return Optional.of(LocalDateTime.parse(text).toLocalDate());
            }
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
