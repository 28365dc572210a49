package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log-time text with an offset (%z) in a CSV reads as the instants it names. */
class PatternTimestampCsvTest {
  @TempDir Path dir;

  @Test
  void offsets_in_common_log_time_text_are_applied() throws IOException {
    Path csv = dir.resolve("access.csv");
    Files.writeString(
        csv,
        "time,status\n"
            + "01/Feb/2026:00:00:00 +0200,200\n" // 2026-01-31T22:00:00Z
            + "01/Feb/2026:00:00:00 -0400,500\n" // 2026-02-01T04:00:00Z, the latest
            + "31/Jan/2026:23:00:00 +0000,200\n"); // 2026-01-31T23:00:00Z
    DataSource src =
        new DataSource(
            "access",
            dir.resolve("spec.yaml"),
            List.of(csv.toString()),
            DataFormat.CSV,
            new EventTime(
                "time", EventTime.Encoding.PATTERN, "%d/%b/%Y:%H:%M:%S %z", ZoneOffset.UTC),
            ZoneOffset.UTC,
            CsvDialect.SNIFF,
            null,
            0,
            new SourceLocation(dir.resolve("spec.yaml"), 3, 3),
            List.of(),
            false,
            null,
            null,
            null);
    Engine.LatestEvent e = Fixtures.latestEvent(src);
    assertThat(e.rows()).isEqualTo(3);
    assertThat(e.latest()).isEqualTo(Instant.parse("2026-02-01T04:00:00Z"));
  }
}
