package org.district.checkin.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;

/**
 * Binds the parameters of a set-based statement, {@code ... from unnest(?::uuid[], ?::text[], ...)}: one array per
 * column, in parameter order, each built from the same rows. So a statement writes a whole batch in one round trip.
 */
final class ColumnBinder<T> {

    private final Connection connection;
    private final PreparedStatement statement;
    private final Collection<? extends T> rows;
    private int index = 1;

    ColumnBinder(Connection connection, PreparedStatement statement, Collection<? extends T> rows) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
    }

    /** The next parameter: the column's values as an array of the SQL type ({@code uuid}, {@code bool}, ...). */
    ColumnBinder<T> next(String sqlType, Function<? super T, ?> column) throws SQLException {
        Object[] values = new Object[rows.size()];
        int i = 0;
        for (T row : rows) {
            values[i++] = column.apply(row);
        }
        statement.setArray(index++, connection.createArrayOf(sqlType, values));
        return this;
    }

    /**
     * The next parameter as text, for columns the statement casts ({@code ?::text[]::date[]}) and text columns: dates
     * and instants travel in their ISO form.
     */
    ColumnBinder<T> text(Function<? super T, ?> column) throws SQLException {
        return next("text", row -> {
            Object value = column.apply(row);
            return value == null ? null : value.toString();
        });
    }
}
