package org.district.inventory.service.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One column of an exported CSV file: its name in the header and the value it holds for a record. */
record CsvColumn<E>(String name, Function<E, Object> value) {

    static <E> List<String> names(List<CsvColumn<E>> columns) {
        return columns.stream().map(CsvColumn::name).toList();
    }

    /** The record's cells, in the columns' order (null for an empty cell). */
    static <E> List<Object> row(List<CsvColumn<E>> columns, E record) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (CsvColumn<E> column : columns) {
            cells.add(column.value().apply(record));
        }
        return cells;
    }
}
