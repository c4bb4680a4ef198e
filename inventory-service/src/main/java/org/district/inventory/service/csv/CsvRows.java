package org.district.inventory.service.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.district.support.csv.CsvReader;
import org.district.support.domain.FieldViolation;

/**
 * The rows of an imported CSV file, read one at a time into requests, each with every reason it cannot be saved that
 * shows without the database: unreadable cells, invalid values, and a key an earlier line of the file already used.
 * Memory does not grow with the file beyond the set of keys seen.
 */
final class CsvRows<T> implements RowImporter.Source<T> {

    /** A column whose value must not repeat within the file, and how to read it from a request. */
    record Unique<T>(String column, Function<T, String> value) {}

    private final CsvReader csv;
    private final CsvColumns columns;
    private final Function<CsvColumns.Cells, T> read;
    private final Function<T, List<FieldViolation>> check;
    private final List<Unique<T>> unique;
    private final List<Map<String, Long>> seen = new ArrayList<>();
    private boolean finished;

    private CsvRows(
            CsvReader csv,
            CsvColumns columns,
            Function<CsvColumns.Cells, T> read,
            Function<T, List<FieldViolation>> check,
            List<Unique<T>> unique) {
        this.csv = csv;
        this.columns = columns;
        this.read = read;
        this.check = check;
        this.unique = unique;
        unique.forEach(u -> seen.add(new HashMap<>()));
    }

    /**
     * Reads the header (refusing the file if it names unknown columns or lacks required ones) and returns the rows
     * that follow. The first of {@code unique} is a row's key in the report.
     */
    static <T> CsvRows<T> of(
            Reader reader,
            int maxColumns,
            Set<String> known,
            Set<String> required,
            Function<CsvColumns.Cells, T> read,
            Function<T, List<FieldViolation>> check,
            List<Unique<T>> unique)
            throws IOException {
        CsvReader csv = new CsvReader(reader, 4000, maxColumns);
        return new CsvRows<>(csv, CsvColumns.read(csv, known, required), read, check, unique);
    }

    @Override
    public RowImporter.Parsed<T> next() throws IOException {
        CsvReader.Row row;
        try {
            row = csv.next();
        } catch (IOException e) {
            finished = true;
            throw e;
        }
        if (row == null) {
            finished = true;
            return null;
        }
        CsvColumns.Cells cells = columns.cells(row);
        T input = read.apply(cells);
        List<FieldViolation> errors = new ArrayList<>(cells.errors);
        errors.addAll(check.apply(input));
        String key = null;
        for (int i = 0; i < unique.size(); i++) {
            String value = RecordImport.key(unique.get(i).value().apply(input));
            if (i == 0) {
                key = value;
            }
            if (value != null) {
                Long first = seen.get(i).putIfAbsent(value, row.line());
                if (first != null) {
                    errors.add(new FieldViolation(
                            unique.get(i).column(), "appears twice in the file (first on line " + first + ")."));
                }
            }
        }
        return new RowImporter.Parsed<>(row.line(), null, key, input, errors);
    }

    /** Whether the file has been read to its end (or to the point it cannot be read past). */
    boolean finished() {
        return finished;
    }

    /** The keys of the rows read so far. */
    Set<String> keys() {
        return seen.get(0).keySet();
    }
}
