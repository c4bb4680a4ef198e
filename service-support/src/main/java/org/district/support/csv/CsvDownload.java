package org.district.support.csv;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * A CSV file streamed to the browser in chunks, so an export of a million rows holds one chunk in memory and no
 * transaction open while the client reads. Each chunk starts after the last row of the one before, in the list's own
 * order (keyset paging).
 */
public final class CsvDownload {

    /** Rows read per chunk (and per transaction). */
    public static final int CHUNK = 1000;

    /**
     * Reads the rows that follow {@code last} (the last row of the chunk before; null for the first chunk), at most
     * {@code size} of them (one more is ignored), in the list's order.
     */
    @FunctionalInterface
    public interface Chunks<R> {
        List<R> after(R last, int size);
    }

    /** Reads the rows whose first cell follows {@code afterKey} (from the start when null), in first-cell order. */
    @FunctionalInterface
    public interface KeyedChunks {
        List<List<Object>> after(String afterKey, int size);
    }

    private CsvDownload() {}

    /** A download of rows ordered by their first cell (an asset tag, a district id), which is each chunk's position. */
    public static Response byFirstCell(String fileName, List<String> header, KeyedChunks chunks) {
        return of(
                fileName,
                header,
                (List<Object> last, int size) -> chunks.after(last == null ? null : String.valueOf(last.get(0)), size),
                row -> row);
    }

    /**
     * The 200 answer streaming {@code header} and then, chunk by chunk, the {@code cells} of every row as
     * {@code fileName}. Each call of {@code chunks} should run in a transaction of its own (a service method does),
     * since the response is written after the request's own work has ended.
     */
    public static <R> Response of(
            String fileName, List<String> header, Chunks<R> chunks, Function<? super R, List<?>> cells) {
        StreamingOutput body = output -> {
            CsvWriter csv = new CsvWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            csv.row(header);
            R last = null;
            while (true) {
                List<R> rows = chunks.after(last, CHUNK);
                List<R> chunk = rows.size() > CHUNK ? rows.subList(0, CHUNK) : rows;
                for (R row : chunk) {
                    csv.row(cells.apply(row));
                }
                csv.flush();
                if (chunk.size() < CHUNK) {
                    break;
                }
                last = chunk.get(CHUNK - 1);
            }
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
