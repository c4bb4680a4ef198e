package org.district.support.csv;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV file streamed to the browser in chunks, so an export of a million rows holds one chunk in memory and no
 * transaction open while the client reads. Rows come in the order of their first cell, which is the key the next chunk
 * starts after.
 */
public final class CsvDownload {

    /** Rows read per chunk (and per transaction). */
    public static final int CHUNK = 1000;

    /** Reads the rows that follow {@code afterKey} (from the start when null), at most {@code size}, in key order. */
    @FunctionalInterface
    public interface Chunks {
        List<List<Object>> after(String afterKey, int size);
    }

    private CsvDownload() {}

    /**
     * The 200 answer streaming {@code header} and then every chunk as {@code fileName}. Each call of {@code chunks}
     * should run in a transaction of its own (a service method does), since the response is written after the request's
     * own work has ended.
     */
    public static Response of(String fileName, List<String> header, Chunks chunks) {
        StreamingOutput body = output -> {
            CsvWriter csv = new CsvWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            csv.row(header);
            String after = null;
            while (true) {
                List<List<Object>> rows = chunks.after(after, CHUNK);
                for (List<Object> row : rows.size() > CHUNK ? rows.subList(0, CHUNK) : rows) {
                    csv.row(row);
                }
                csv.flush();
                if (rows.size() < CHUNK) {
                    break;
                }
                after = String.valueOf(rows.get(CHUNK - 1).get(0));
            }
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
