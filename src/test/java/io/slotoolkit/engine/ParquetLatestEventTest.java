package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.SourceLocation;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latest event and row count of a Parquet source of many files, read file by file (each from
 * its statistics, {@link FileTotals#latestByFile}) when they hold enough rows and as one list when
 * not, are those of the whole list: null times left out, a file without any time adding its rows, a
 * year out of range found and passed over, a file without the time column (read as null) counted.
 */
class ParquetLatestEventTest {
  @TempDir Path dir;

  @Test
  void files_are_read_one_by_one_when_they_hold_enough_rows_to_pay() {
    // the benchmark's 91 daily files of 1M rows; 2,000 files of 100 rows; the threshold's edge
    assertThat(FileTotals.readsFileByFile(91, 91_000_000)).isTrue();
    assertThat(FileTotals.readsFileByFile(2_000, 200_000)).isFalse();
    assertThat(FileTotals.readsFileByFile(2, 100_000)).isTrue();
    assertThat(FileTotals.readsFileByFile(2, 99_999)).isFalse();
    assertThat(FileTotals.readsFileByFile(1, 1_000_000_000)).isFalse();
  }

  @Test
  void files_read_one_by_one_give_the_latest_event_and_rows_of_all_of_them() throws Exception {
    // 101 files, two queries of at most 100 (5,055,055 rows, 50,050 a file on average): file 0
    // holds 5,050,000 rows up to 2026-03-01T00:50; file i (1-98) i + 1 rows, its last at i
    // minutes past midnight; file 99 three rows without a time; file 100 101 rows, a null time
    // and the latest event, 2026-03-09T05:06:07.123456Z
    String[] files = new String[101];
    files[0] =
        "SELECT TIMESTAMPTZ '2026-03-01 00:00:00+00' + to_minutes(range // 100000) AS ts,"
            + " 200 AS status FROM range(5050000)";
    for (int i = 1; i <= 98; i++) files[i] = minutes(i + 1);
    files[99] = "SELECT NULL::TIMESTAMPTZ AS ts, 200 AS status FROM range(3)";
    files[100] =
        minutes(101)
            + " UNION ALL SELECT TIMESTAMPTZ '2026-03-09 05:06:07.123456+00', 500"
            + " UNION ALL SELECT NULL, 200";
    write(files);
    Engine.LatestEvent e = latest();
    assertThat(e.rows()).isEqualTo(5_055_055);
    assertThat(e.latest()).isEqualTo(Instant.parse("2026-03-09T05:06:07.123456Z"));
  }

  @Test
  void small_files_read_as_one_list_give_the_same_figures() throws Exception {
    // 205 files of 1 to 204 rows (as one list: too few rows a file), file 150 also holding the
    // latest event and a null time, file 204 only null times
    String[] files = new String[205];
    for (int i = 0; i < 205; i++) {
      files[i] =
          i == 204
              ? "SELECT NULL::TIMESTAMPTZ AS ts, 200 AS status FROM range(3)"
              : minutes(i + 1)
                  + (i == 150
                      ? " UNION ALL SELECT TIMESTAMPTZ '2026-03-09 05:06:07.123456+00', 500"
                          + " UNION ALL SELECT NULL, 200"
                      : "");
    }
    write(files);
    // rows: 1 + 2 + ... + 204, two more in file 150, three in file 204
    Engine.LatestEvent e = latest();
    assertThat(e.rows()).isEqualTo(204L * 205 / 2 + 2 + 3);
    assertThat(e.latest()).isEqualTo(Instant.parse("2026-03-09T05:06:07.123456Z"));
  }

  @Test
  void a_year_out_of_range_in_one_file_is_passed_over_as_in_one_query() throws Exception {
    write(
        "SELECT TIMESTAMPTZ '2026-03-01 10:00:00+00' AS ts, 200 AS status FROM range(100000)",
        "SELECT TIMESTAMPTZ '2026-03-02 08:00:00+00' AS ts, 200 AS status UNION ALL"
            + " SELECT TIMESTAMPTZ '99999-01-01 00:00:00+00', 200");
    Engine.LatestEvent e = latest();
    assertThat(e.rows()).isEqualTo(100_002);
    assertThat(e.latest()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
  }

  @Test
  void a_file_without_the_time_column_read_as_null_counts_its_rows() throws Exception {
    write(
        "SELECT TIMESTAMPTZ '2026-03-01 10:00:00+00' AS ts, 200 AS status FROM range(100000)",
        "SELECT 200 AS status FROM range(4)");
    missingColumnsNull = true;
    Engine.LatestEvent e = latest();
    assertThat(e.rows()).isEqualTo(100_004);
    assertThat(e.latest()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
  }

  /** {@code n} rows, one a minute from 2026-03-01T00:00Z. */
  private static String minutes(int n) {
    return "SELECT TIMESTAMPTZ '2026-03-01 00:00:00+00' + to_minutes(range) AS ts, 200 AS status"
        + " FROM range("
        + n
        + ")";
  }

  private boolean missingColumnsNull;

  /** Writes the rows of each SELECT to a Parquet file of its own, day-000.parquet on. */
  private void write(String... selects) {
    try (Database db = Database.open(EngineOptions.DEFAULT, null)) {
      for (int i = 0; i < selects.length; i++) {
        String file = dir.resolve(String.format("day-%03d.parquet", i)).toString();
        db.execute("COPY (" + selects[i] + ") TO " + Sql.literal(file) + " (FORMAT parquet)");
      }
    }
  }

  private Engine.LatestEvent latest() {
    DataSource src =
        new DataSource(
            "api",
            dir.resolve("spec.yaml"),
            List.of(dir.resolve("*.parquet").toString()),
            DataFormat.PARQUET,
            new EventTime("ts", EventTime.Encoding.AUTO, null, ZoneId.of("UTC")),
            ZoneOffset.UTC,
            CsvDialect.SNIFF,
            null,
            0,
            new SourceLocation(dir.resolve("spec.yaml"), 3, 3),
            List.of(),
            missingColumnsNull,
            null,
            null,
            null);
    return Fixtures.latestEvent(src);
  }
}
