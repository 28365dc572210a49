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
 * its statistics, {@link FileTotals#latestByFile}), are those of the whole list: null times left
 * out, a file without any time adding its rows, a year out of range found and passed over, a file
 * without the time column (read as null) counted.
 */
class ParquetLatestEventTest {
  @TempDir Path dir;

  @Test
  void a_glob_of_parquet_files_has_the_latest_event_and_rows_of_all_of_them() throws Exception {
    // 205 files (three queries of at most 100): file i holds i + 1 rows, its last one at
    // 2026-03-01 + i minutes; file 150 also holds the latest event, 2026-03-09T05:06:07.123456Z,
    // and a null time; file 204 only null times
    String[] files = new String[205];
    for (int i = 0; i < 205; i++) {
      files[i] =
          i == 204
              ? "SELECT NULL::TIMESTAMPTZ AS ts, 200 AS status FROM range(3)"
              : "SELECT TIMESTAMPTZ '2026-03-01 00:00:00+00' + to_minutes(range) AS ts,"
                  + " 200 AS status FROM range("
                  + i
                  + " + 1)"
                  + (i == 150
                      ? " UNION ALL SELECT TIMESTAMPTZ '2026-03-09 05:06:07.123456+00', 500"
                          + " UNION ALL SELECT NULL, 200"
                      : "");
    }
    write(files);
    // rows: 1 + 2 + ... + 204, two more in file 150, three in file 204
    long rows = 204L * 205 / 2 + 2 + 3;
    Engine.LatestEvent e = latest();
    assertThat(e.rows()).isEqualTo(rows);
    assertThat(e.latest()).isEqualTo(Instant.parse("2026-03-09T05:06:07.123456Z"));
  }

  @Test
  void a_year_out_of_range_in_one_file_is_passed_over_as_in_one_query() throws Exception {
    write(
        "SELECT TIMESTAMPTZ '2026-03-01 10:00:00+00' AS ts, 200 AS status",
        "SELECT TIMESTAMPTZ '2026-03-02 08:00:00+00' AS ts, 200 AS status UNION ALL"
            + " SELECT TIMESTAMPTZ '99999-01-01 00:00:00+00', 200");
    Engine.LatestEvent e = latest();
    assertThat(e.rows()).isEqualTo(3);
    assertThat(e.latest()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
  }

  @Test
  void a_file_without_the_time_column_read_as_null_counts_its_rows() throws Exception {
    write(
        "SELECT TIMESTAMPTZ '2026-03-01 10:00:00+00' AS ts, 200 AS status",
        "SELECT 200 AS status FROM range(4)");
    missingColumnsNull = true;
    Engine.LatestEvent e = latest();
    assertThat(e.rows()).isEqualTo(5);
    assertThat(e.latest()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
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
