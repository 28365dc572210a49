package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection keeps Parquet footers it has read ({@code parquet_metadata_cache}), so that
 * binding a glob of files (schema check, DESCRIBE, the view) and the scans after it parse each
 * footer once; a file rewritten while the connection lives (the shell's session) is read as it is
 * now.
 */
class ParquetMetadataCacheTest {
  @TempDir Path dir;

  @Test
  void footers_are_kept_and_a_rewritten_file_is_read_anew() throws Exception {
    Path f = dir.resolve("a.parquet");
    try (Database db = Database.open(EngineOptions.DEFAULT, null)) {
      assertThat(
              db.<String>one(
                  "SELECT current_setting('parquet_metadata_cache')::VARCHAR", r -> r.getString(1)))
          .isEqualTo("true");
      String file = Sql.literal(f.toString());
      db.execute("COPY (SELECT range AS x FROM range(3)) TO " + file + " (FORMAT parquet)");
      Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
      String read = "SELECT count(*), sum(x), max(x) FROM read_parquet(" + file + ")";
      assertThat(db.<String>one(read, r -> r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3)))
          .isEqualTo("3/3/2");
      // another content, another size and modification time: not the kept footer's rows
      db.execute(
          "COPY (SELECT range AS x, 'y' AS y FROM range(10, 15)) TO " + file + " (FORMAT parquet)");
      Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
      assertThat(db.<String>one(read, r -> r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3)))
          .isEqualTo("5/60/14");
    }
  }
}
