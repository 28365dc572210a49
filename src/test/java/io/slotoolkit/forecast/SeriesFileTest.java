package io.slotoolkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.DuplicateRule;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.Gap;
import io.slotoolkit.model.Series;
import io.slotoolkit.model.SloException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesFileTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private Series read(Path p) {
    SeriesFile f = SeriesFile.read(p);
    String date = f.dateColumn(null);
    return f.series(date, f.valueColumn(null, date), DuplicateRule.ERROR);
  }

  @Test
  void old_mac_line_endings_are_read() {
    Path p = Path.of("src/test/resources/forecast/example_air_passengers.csv");
    Series s = read(p);
    assertThat(s.frequency()).isEqualTo(Frequency.MONTHLY);
    assertThat(s.size()).isEqualTo(144);
    assertThat(s.first()).isEqualTo(LocalDate.of(1949, 1, 1));
    assertThat(s.value(0)).isEqualTo(112);
    assertThat(s.value(143)).isEqualTo(432);
  }

  @Test
  void quoted_fields_month_dates_and_defaults() throws IOException {
    Path p =
        write(
            "m.csv",
            "\"row\",\"month\",\"label\",\"moves\"\n1,2024-01,a,\"1,200\"\n2,2024-02,b,900\n");
    SeriesFile f = SeriesFile.read(p);
    assertThat(f.dateColumn(null)).isEqualTo("month");
    // The first numeric column after the date, not the row number before it.
    assertThat(f.valueColumn(null, "month")).isEqualTo("moves");
    Series s = f.series("month", "moves", DuplicateRule.ERROR);
    assertThat(s.dates()).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1));
    assertThat(s.values()).containsExactly(1200, 900);
  }

  @Test
  void us_dates_are_told_apart_by_a_day_above_12() throws IOException {
    Path p =
        write(
            "d.csv",
            "Date,Consumption,,,\r\n1/12/2006,10,,,\r\n1/13/2006,11,,,\r\n1/14/2006,12,,,\r\n");
    Series s = read(p);
    assertThat(s.frequency()).isEqualTo(Frequency.DAILY);
    assertThat(s.first()).isEqualTo(LocalDate.of(2006, 1, 12));
    assertThat(s.size()).isEqualTo(3);
  }

  @Test
  void ambiguous_slash_dates_are_an_error() throws IOException {
    Path p = write("a.csv", "d,v\n1/2/2020,1\n2/2/2020,2\n");
    assertThatThrownBy(() -> read(p))
        .isInstanceOf(SloException.class)
        .hasMessage(
            p
                + ":2: dates like 1/2/2020 could be month/day or day/month, and no date in the file"
                + " tells which");
  }

  @Test
  void a_non_numeric_value_names_its_line() throws IOException {
    Path p = write("n.csv", "date,v\n2024-01-01,5\n2024-01-02,abc\n2024-01-03,7\n");
    assertThatThrownBy(() -> SeriesFile.read(p).series("date", "v", DuplicateRule.ERROR))
        .isInstanceOf(SloException.class)
        .hasMessage(p + ":3: v 'abc' is not a number")
        .satisfies(e -> assertThat(((SloException) e).exitCode()).isEqualTo(ExitCode.DATA));
  }

  @Test
  void a_negative_value_names_its_line() throws IOException {
    Path p = write("neg.csv", "date,v\n2024-01-01,5\n2024-01-02,6\n2024-01-03,-2\n");
    assertThatThrownBy(() -> read(p))
        .isInstanceOf(SloException.class)
        .hasMessage(
            p + ":4: v is negative (-2); a volume to forecast counts things and cannot be below 0");
  }

  @Test
  void a_duplicate_date_names_both_lines() throws IOException {
    Path p = write("dup.csv", "date,v\n2024-01-01,5\n2024-01-02,6\n2024-01-02,7\n2024-01-03,8\n");
    assertThatThrownBy(() -> read(p))
        .isInstanceOf(SloException.class)
        .hasMessage(p + ":4: the day 2024-01-02 repeats " + p + ":3");
  }

  @Test
  void duplicates_may_be_summed_and_the_sum_is_noted() throws IOException {
    Path p = write("dup.csv", "date,v\n2024-01-01,5\n2024-01-02,6\n2024-01-02,7\n2024-01-03,8\n");
    SeriesFile f = SeriesFile.read(p);
    Series s = f.series("date", "v", DuplicateRule.SUM);
    assertThat(s.values()).containsExactly(5, 13, 8);
    assertThat(s.notes()).containsExactly("1 repeated day combined by sum");
  }

  @Test
  void missing_days_and_empty_cells_become_gaps() throws IOException {
    Path p = write("g.csv", "date,v\n2024-01-01,5\n2024-01-02,\n2024-01-05,8\n2024-01-06,9\n");
    Series s = read(p);
    assertThat(s.size()).isEqualTo(6);
    assertThat(s.gaps())
        .containsExactly(new Gap(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 4), 3));
    assertThat(s.observed()).isEqualTo(3);
  }

  @Test
  void an_unknown_column_suggests_the_nearest() throws IOException {
    Path p = write("c.csv", "date,records_synced\n2024-01-01,5\n2024-01-02,6\n");
    SeriesFile f = SeriesFile.read(p);
    assertThatThrownBy(() -> f.series("date", "record_synced", DuplicateRule.ERROR))
        .isInstanceOf(SloException.class)
        .hasMessage(p + " has no column 'record_synced' (--value-column)")
        .satisfies(
            e ->
                assertThat(((SloException) e).hint())
                    .isEqualTo("columns: date, records_synced; did you mean records_synced?"));
  }

  @Test
  void an_all_empty_latency_column_is_an_error() throws IOException {
    Path p = write("l.csv", "date,v,p95\n2024-01-01,5,\n2024-01-02,6,\n");
    SeriesFile f = SeriesFile.read(p);
    assertThatThrownBy(() -> f.series("date", "p95", DuplicateRule.ERROR))
        .isInstanceOf(SloException.class)
        .hasMessage("column p95 of " + p + " is empty on every row");
  }

  @Test
  void a_time_of_day_is_refused() throws IOException {
    Path p = write("t.csv", "ts,v\n2024-01-01 13:00:00,5\n2024-01-02 00:00:00,6\n");
    SeriesFile f = SeriesFile.read(p);
    assertThatThrownBy(() -> f.series("ts", "v", DuplicateRule.ERROR))
        .isInstanceOf(SloException.class)
        .hasMessageStartingWith(
            p + ":2: '2024-01-01 13:00:00' has a time of day; a series has one value per day");
  }

  @Test
  void an_unclosed_quote_names_its_line() throws IOException {
    Path p = write("q.csv", "date,v\n2024-01-01,5\n\"2024-01-02,6\n2024-01-03,7\n");
    assertThatThrownBy(() -> SeriesFile.read(p))
        .isInstanceOf(SloException.class)
        .hasMessage(p + ":3: a quoted field is never closed");
  }

  @Test
  void weekly_dates_off_their_weekday_are_an_error() throws IOException {
    // 2024-01-01 is a Monday; 2024-01-16 a Tuesday.
    Path p = write("w.csv", "week,v\n2024-01-01,5\n2024-01-08,6\n2024-01-16,7\n2024-01-22,8\n");
    assertThatThrownBy(() -> read(p))
        .isInstanceOf(SloException.class)
        .hasMessage(
            p
                + ":4: 2024-01-16 is a TUESDAY but this weekly series has its dates on MONDAY ("
                + p
                + ":2)");
  }
}
