package org.district.support.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV. Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return) are prefixed with an apostrophe, so an exported list cannot carry a formula-injection attack into IT's
 * spreadsheet.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escape(cells.get(i)));
        }
        out.write("\r\n");
    }

    public void flush() throws IOException {
        out.flush();
    }

    static String escape(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        if (!text.isEmpty() && !(cell instanceof Number) && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        if (!quote) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
