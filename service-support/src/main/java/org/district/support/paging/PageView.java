package org.district.support.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in a stable order. Pass {@code nextCursor} back as {@code cursor} for the next page; it is absent
 * on the last page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageView<T>(List<T> items, int limit, String nextCursor) {

    /**
     * The page of {@code rows}, read with {@code limit + 1} so that one row more than the page tells whether another
     * page follows; {@code positionOf} gives the cursor of a row (see {@link Cursors#encode}).
     */
    public static <R, T> PageView<T> of(
            List<R> rows, int limit, Function<? super R, ? extends T> view, Function<? super R, String> positionOf) {
        boolean more = rows.size() > limit;
        List<R> page = more ? rows.subList(0, limit) : rows;
        List<T> items = page.stream().<T>map(view).toList();
        return new PageView<>(items, limit, more ? positionOf.apply(page.get(page.size() - 1)) : null);
    }

    /** The same page with each item turned into its view. */
    public <V> PageView<V> map(Function<? super T, ? extends V> view) {
        return new PageView<>(items.stream().<V>map(view).toList(), limit, nextCursor);
    }

    /** An empty page (nothing the caller may see matches). */
    public static <T> PageView<T> empty(int limit) {
        return new PageView<>(List.of(), limit, null);
    }
}
