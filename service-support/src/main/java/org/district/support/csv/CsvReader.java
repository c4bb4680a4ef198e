package org.district.support.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF line
 * ends, a leading byte-order mark. It holds one record in memory at a time and bounds its size, so a hostile file
 * cannot exhaust memory. Each record carries the physical line it started on, for error reports.
 */
public final class CsvReader implements AutoCloseable {

    /** A record and the line it starts on (1-based). */
    public record Row(long line, List<String> fields) {}

    /** A structural problem (unterminated quote, record too long); the rest of the file cannot be trusted. */
    public static final class MalformedCsvException extends IOException {
        private final long line;

        public MalformedCsvException(long line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private final Reader in;
    private final int maxFieldLength;
    private final int maxFields;
    private long line = 1;
    private boolean first = true;
    private int pushedBack = -2;

    public CsvReader(Reader in, int maxFieldLength, int maxFields) {
        this.in = in;
        this.maxFieldLength = maxFieldLength;
        this.maxFields = maxFields;
    }

    /** The current physical line (where the next record starts). */
    public long line() {
        return line;
    }

    /** The next record, or null at the end. Blank lines are skipped. */
    public Row next() throws IOException {
        while (true) {
            long start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean inQuotes = false;
            boolean quotedField = false;
            boolean sawAnything = false;
            int c;
            while (true) {
                c = read();
                if (c == -1) {
                    if (inQuotes) {
                        throw new MalformedCsvException(
                                start, "a quoted field is not closed before the end of the file");
                    }
                    if (!sawAnything) {
                        return null;
                    }
                    addField(fields, field, start);
                    return new Row(start, fields);
                }
                sawAnything = true;
                if (inQuotes) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            append(field, '"', start);
                        } else {
                            inQuotes = false;
                            unread(d);
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        append(field, (char) c, start);
                    }
                    continue;
                }
                if (c == '"' && field.length() == 0 && !quotedField) {
                    inQuotes = true;
                    quotedField = true;
                } else if (c == ',') {
                    addField(fields, field, start);
                    field.setLength(0);
                    quotedField = false;
                } else if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                    line++;
                    break;
                } else if (c == '\n') {
                    line++;
                    break;
                } else if (quotedField) {
                    throw new MalformedCsvException(start, "unexpected text after a closing quote");
                } else {
                    append(field, (char) c, start);
                }
            }
            addField(fields, field, start);
            if (fields.size() == 1 && fields.get(0).isEmpty() && !quotedField) {
                continue;
            }
            return new Row(start, fields);
        }
    }

    private void addField(List<String> fields, StringBuilder field, long start) throws MalformedCsvException {
        if (fields.size() >= maxFields) {
            throw new MalformedCsvException(start, "more than " + maxFields + " columns");
        }
        fields.add(field.toString());
    }

    private void append(StringBuilder field, char c, long start) throws MalformedCsvException {
        if (field.length() >= maxFieldLength) {
            throw new MalformedCsvException(start, "a field is longer than " + maxFieldLength + " characters");
        }
        field.append(c);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        int c;
        try {
            c = in.read();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MalformedCsvException(
                    line,
                    "the text is not in the declared character encoding (UTF-8 unless"
                            + " the request's Content-Type names another charset); save the file as \"CSV UTF-8\" or declare"
                            + " its charset");
        }
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        return c;
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
