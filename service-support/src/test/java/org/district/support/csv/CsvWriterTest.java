package org.district.support.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

    private static String write(List<?>... rows) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        for (List<?> row : rows) {
            csv.row(row);
        }
        csv.flush();
        return out.toString();
    }

    @Test
    void writesRowsWithCrLfAndEmptyCellsForNulls() throws IOException {
        assertThat(write(Arrays.asList("a", null, 3), List.of("b"))).isEqualTo("a,,3\r\nb\r\n");
    }

    @Test
    void quotesCellsWithCommasQuotesAndLineBreaks() throws IOException {
        assertThat(CsvWriter.escape("dented, works")).isEqualTo("\"dented, works\"");
        assertThat(CsvWriter.escape("says \"hi\"")).isEqualTo("\"says \"\"hi\"\"\"");
        assertThat(CsvWriter.escape("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(CsvWriter.escape("one\rtwo")).isEqualTo("\"one\rtwo\"");
        assertThat(CsvWriter.escape("plain")).isEqualTo("plain");
        assertThat(CsvWriter.escape("")).isEqualTo("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"})
    void prefixesFormulaLikeTextSoASpreadsheetShowsItAsText(String cell) {
        String escaped = CsvWriter.escape(cell);
        String unquoted = escaped.startsWith("\"") ? escaped.substring(1) : escaped;
        assertThat(unquoted).startsWith("'" + cell.charAt(0));
    }

    @Test
    void leavesNumbersDatesAndOrdinaryTextAlone() {
        assertThat(CsvWriter.escape(new BigDecimal("-12.50"))).isEqualTo("-12.50");
        assertThat(CsvWriter.escape(-3)).isEqualTo("-3");
        assertThat(CsvWriter.escape(LocalDate.of(2026, 9, 1))).isEqualTo("2026-09-01");
        assertThat(CsvWriter.escape(true)).isEqualTo("true");
        assertThat(CsvWriter.escape("Latitude 5440")).isEqualTo("Latitude 5440");
        assertThat(CsvWriter.escape("a=b")).isEqualTo("a=b");
    }

    @Test
    void whatItWritesReadsBackThroughTheReader() throws IOException {
        List<Object> row = Arrays.asList("T1", "dented, \"old\"\nstill works", null, new BigDecimal("1249.00"));
        String text = write(List.of("a", "b", "c", "d"), row);
        try (CsvReader reader = new CsvReader(new StringReader(text), 1000, 10)) {
            reader.next();
            CsvReader.Row back = reader.next();
            assertThat(back.fields()).containsExactly("T1", "dented, \"old\"\nstill works", "", "1249.00");
            assertThat(reader.next()).isNull();
        }
    }
}
