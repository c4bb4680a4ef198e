package org.district.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Row> readAll(String text) throws IOException {
        return readAll(new StringReader(text), 1000, 50);
    }

    private static List<CsvReader.Row> readAll(Reader reader, int maxField, int maxFields) throws IOException {
        List<CsvReader.Row> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(reader, maxField, maxFields)) {
            CsvReader.Row row;
            while ((row = csv.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void readsPlainRowsWithTheirLineNumbers() throws IOException {
        List<CsvReader.Row> rows = readAll("a,b,c\n1,2,3\n4,5,6\n");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(1).fields()).containsExactly("1", "2", "3");
    }

    @Test
    void acceptsCrLfAndAMissingFinalLineBreak() throws IOException {
        List<CsvReader.Row> rows = readAll("a,b\r\n1,2\r\n3,4");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).fields()).containsExactly("3", "4");
        assertThat(rows.get(2).line()).isEqualTo(3);
    }

    @Test
    void keepsEmptyCellsIncludingATrailingOne() throws IOException {
        List<CsvReader.Row> rows = readAll("a,,c,\n,,\n");
        assertThat(rows.get(0).fields()).containsExactly("a", "", "c", "");
        assertThat(rows.get(1).fields()).containsExactly("", "", "");
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws IOException {
        String text = "tag,notes\n" + "T1,\"dented, but works\"\n"
                + "T2,\"says \"\"hello\"\"\"\n"
                + "T3,\"line one\nline two\r\nline three\"\n"
                + "T4,after\n";
        List<CsvReader.Row> rows = readAll(text);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1).fields()).containsExactly("T1", "dented, but works");
        assertThat(rows.get(2).fields()).containsExactly("T2", "says \"hello\"");
        assertThat(rows.get(3).fields()).containsExactly("T3", "line one\nline two\r\nline three");
        // A record spanning lines is reported at the line it starts on; the next one at its own physical line.
        assertThat(rows.get(3).line()).isEqualTo(4);
        assertThat(rows.get(4).line()).isEqualTo(7);
        assertThat(rows.get(4).fields()).containsExactly("T4", "after");
    }

    @Test
    void anEmptyQuotedFieldIsARowButABlankLineIsSkipped() throws IOException {
        List<CsvReader.Row> rows = readAll("a\n\n\"\"\n\r\nb\n");
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(List.of("a"), List.of(""), List.of("b"));
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 3L, 5L);
    }

    @Test
    void dropsALeadingByteOrderMark() throws IOException {
        List<CsvReader.Row> rows = readAll("\uFEFFassetTag,serialNumber\nT1,S1\n");
        assertThat(rows.get(0).fields()).containsExactly("assetTag", "serialNumber");
    }

    @Test
    void emptyInputHasNoRows() throws IOException {
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("\n\n")).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItStarts() {
        assertThatThrownBy(() -> readAll("a,b\n1,2\n3,\"never closed\n4,5\n"))
                .isInstanceOf(CsvReader.MalformedCsvException.class)
                .hasMessageContaining("line 3")
                .satisfies(e ->
                        assertThat(((CsvReader.MalformedCsvException) e).line()).isEqualTo(3));
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        assertThatThrownBy(() -> readAll("a,b\n\"x\"y,2\n"))
                .isInstanceOf(CsvReader.MalformedCsvException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void boundsTheLengthOfAFieldAndTheNumberOfColumns() {
        assertThatThrownBy(() -> readAll(new StringReader("ok\n" + "x".repeat(11) + "\n"), 10, 5))
                .isInstanceOf(CsvReader.MalformedCsvException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("longer than 10");
        assertThatThrownBy(() -> readAll(new StringReader("\"" + "x".repeat(11) + "\"\n"), 10, 5))
                .isInstanceOf(CsvReader.MalformedCsvException.class);
        assertThatThrownBy(() -> readAll(new StringReader("a,b,c,d,e,f\n"), 100, 5))
                .isInstanceOf(CsvReader.MalformedCsvException.class)
                .hasMessageContaining("more than 5 columns");
    }

    @Test
    void boundsTheColumnsOfAFinalLineWithoutALineBreak() {
        assertThatThrownBy(() -> readAll(new StringReader("a,b,c,d,e,f"), 100, 5))
                .isInstanceOf(CsvReader.MalformedCsvException.class)
                .hasMessageContaining("more than 5 columns");
    }

    @Test
    void textNotInTheDeclaredEncodingIsAMalformedFile() throws IOException {
        byte[] bytes = "a,b\n1,2\n3,\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Reader strict = new InputStreamReader(
                new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvReader csv = new CsvReader(strict, 100, 10);
        assertThatThrownBy(() -> {
                    while (csv.next() != null) {
                        // read to the bad bytes
                    }
                })
                .isInstanceOf(CsvReader.MalformedCsvException.class)
                .hasMessageContaining("not in the declared character encoding");
    }
}
