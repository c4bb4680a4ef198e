package org.district.inventory.service.csv;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.district.support.csv.CsvReader;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;

/**
 * The header of an imported CSV file and typed access to one row's cells, collecting a violation per unreadable cell
 * instead of stopping at the first.
 */
final class CsvColumns {

    private final Map<String, Integer> positions = new HashMap<>();
    private final int width;

    private CsvColumns(List<String> header) {
        this.width = header.size();
        for (int i = 0; i < header.size(); i++) {
            positions.put(header.get(i).trim(), i);
        }
    }

    /** Reads and checks the header line; a file whose first line cannot be read at all is refused as invalid. */
    static CsvColumns read(CsvReader csv, Set<String> known, Set<String> required) throws IOException {
        CsvReader.Row header;
        try {
            header = csv.next();
        } catch (CsvReader.MalformedCsvException e) {
            throw InvalidException.of("file", "cannot be read: " + e.getMessage() + ".");
        }
        return of(header, known, required);
    }

    /** Checks the header: every column known, none twice, the required ones present; refuses the file otherwise. */
    static CsvColumns of(CsvReader.Row header, Set<String> known, Set<String> required) {
        if (header == null) {
            throw InvalidException.of("file", "is empty; the first line must name the columns.");
        }
        List<FieldViolation> errors = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String raw : header.fields()) {
            String name = raw.trim();
            if (!known.contains(name)) {
                errors.add(new FieldViolation(
                        "header",
                        "column '" + name + "' is not known; the columns are "
                                + known.stream().sorted().collect(Collectors.joining(", ")) + "."));
            } else if (seen.contains(name)) {
                errors.add(new FieldViolation("header", "column '" + name + "' appears twice."));
            }
            seen.add(name);
        }
        for (String name : required) {
            if (!seen.contains(name)) {
                errors.add(new FieldViolation("header", "required column '" + name + "' is missing."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        return new CsvColumns(header.fields());
    }

    /** Typed, error-collecting view of one row. */
    final class Cells {
        final List<String> fields;
        final List<FieldViolation> errors = new ArrayList<>();

        Cells(CsvReader.Row row) {
            this.fields = row.fields();
            if (fields.size() != width) {
                errors.add(new FieldViolation("row", "has " + fields.size() + " cells; the header has " + width + "."));
            }
        }

        String text(String column) {
            Integer i = positions.get(column);
            if (i == null || i >= fields.size()) {
                return null;
            }
            String value = unescapeFormula(fields.get(i).trim());
            return value.isEmpty() ? null : value;
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation(
                        column,
                        "must be one of "
                                + Arrays.stream(type.getEnumConstants())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))
                                + " (was '" + value + "')."));
                return null;
            }
        }

        Boolean bool(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> {
                    return true;
                }
                case "false", "no", "n", "0" -> {
                    return false;
                }
                default -> {
                    errors.add(new FieldViolation(column, "must be true or false (was '" + value + "')."));
                    return null;
                }
            }
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(new FieldViolation(column, "must be a date in the form YYYY-MM-DD (was '" + value + "')."));
                return null;
            }
        }

        BigDecimal decimal(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.replace("$", "").replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(new FieldViolation(column, "must be an amount such as 1249.00 (was '" + value + "')."));
                return null;
            }
        }
    }

    /**
     * Undoes the apostrophe the export puts before a cell a spreadsheet would run as a formula (see CsvWriter), so an
     * exported file imports unchanged. (A value that itself starts with an apostrophe and a formula character loses
     * the apostrophe.)
     */
    static String unescapeFormula(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    Cells cells(CsvReader.Row row) {
        return new Cells(row);
    }
}
