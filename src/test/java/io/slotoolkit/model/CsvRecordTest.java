package io.slotoolkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordTest {

  @Test
  void a_line_splits_at_the_delimiter_outside_quotes() {
    assertThat(CsvRecord.split("ts,\"a,b\",\"say \"\"hi\"\"\",", ",", "\"").texts())
        .containsExactly("ts", "a,b", "say \"hi\"", "");
    assertThat(CsvRecord.split("ts;status", ";", "").texts()).containsExactly("ts", "status");
    // multi-character delimiter and quote, as a CSV dialect may name them
    assertThat(CsvRecord.split("a||''b||c''||d", "||", "''").texts())
        .containsExactly("a", "b||c", "d");
    assertThat(CsvRecord.split("", ",", "\"").texts()).containsExactly("");
  }

  @Test
  void fields_know_their_column_and_a_quote_mid_field_is_text() {
    // "ts" at 1, " a" at 4 (after "ts,"), then the quoted field opens at 7 after one blank
    CsvRecord r = CsvRecord.split("ts, a, \"x\",b\"c", ",", "\"");
    assertThat(r.texts()).containsExactly("ts", " a", "x", "b\"c");
    assertThat(r.fields().stream().map(CsvRecord.Field::column).toList())
        .containsExactly(1, 4, 7, 12);
    assertThat(r.flaws()).isEmpty();
  }

  @Test
  void an_unclosed_quote_and_text_after_a_closing_quote_are_flaws_not_exceptions() {
    CsvRecord open = CsvRecord.split("a,b,\"open", ",", "\"");
    assertThat(open.texts()).containsExactly("a", "b", "open");
    assertThat(open.flaws())
        .containsExactly(new CsvRecord.Flaw(CsvRecord.Kind.UNCLOSED_QUOTE, 2, 1));
    CsvRecord after = CsvRecord.split("\"a\"b,c", ",", "\"");
    // the text is kept (a series file reads "ab"); an exclusions file reports it
    assertThat(after.texts()).containsExactly("ab", "c");
    assertThat(after.firstFlaw())
        .isEqualTo(new CsvRecord.Flaw(CsvRecord.Kind.TEXT_AFTER_QUOTE, 0, 1));
  }

  @Test
  void a_text_splits_into_records_with_quoted_line_breaks_and_skips_empty_lines() {
    String text = "date,note\r\n2026-01-01,\"two\nlines\"\n\n2026-01-02,x\r2026-01-03,\"open";
    List<CsvRecord> records = CsvRecord.all(text, ",", "\"");
    assertThat(records.stream().map(CsvRecord::texts).toList())
        .containsExactly(
            List.of("date", "note"),
            List.of("2026-01-01", "two\nlines"),
            List.of("2026-01-02", "x"),
            List.of("2026-01-03", "open"));
    // line 1; line 2 (its field runs to line 3); line 4 is empty; line 5; line 6 after a lone CR
    assertThat(records.stream().map(CsvRecord::line).toList()).containsExactly(1, 2, 5, 6);
    assertThat(records.get(3).flaws())
        .containsExactly(new CsvRecord.Flaw(CsvRecord.Kind.UNCLOSED_QUOTE, 1, 6));
  }
}
