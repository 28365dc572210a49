package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.run.Evaluator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same eight events (api.csv, ISO text with Z) stored in other encodings must give the same
 * default instant and the same counts: epoch milliseconds, Tokyo wall-clock text read with a
 * strptime pattern, and naive Tokyo TIMESTAMPs.
 */
class TimestampEncodingTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static DataSource source(String file, EventTime time) {
    return new DataSource(
        "api",
        Fixtures.SPEC,
        List.of(Fixtures.events(file).toString()),
        DataFormat.AUTO,
        time,
        ZoneId.of("UTC"),
        CsvDialect.SNIFF,
        null,
        0,
        new SourceLocation(Fixtures.SPEC, 3, 3),
        List.of(),
        false,
        null,
        null,
        null);
  }

  private static Evaluation run(DataSource src) {
    Slo slo =
        Fixtures.ratio("avail", src, "status < 500", null, "0.5", Fixtures.days(2), List.of());
    Catalog c =
        new Catalog(List.of(Fixtures.specFile(Fixtures.SPEC, "s", List.of(src), List.of(slo))));
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      return ev.evaluate(c, ev.defaultAt(c), new FailOn.OnBreach());
    }
  }

  private static void assertSameAsIso(Evaluation e) {
    // latest event 2026-02-04T00:00:00Z -> at 00:00:01Z; 2d window from 2026-02-02T00:00:01Z:
    // 02-02 12:00 (500), 02-03 00:00 (200), 06:00 (200), 23:59:59 (500), 02-04 00:00 (200) -> 3 of
    // 5
    assertThat(e.at()).isEqualTo(Instant.parse("2026-02-04T00:00:01Z"));
    assertThat(e.results().get(0).good()).isEqualTo(3);
    assertThat(e.results().get(0).total()).isEqualTo(5);
  }

  @Test
  void iso_text_with_offset() {
    assertSameAsIso(
        run(
            source(
                "api.csv", new EventTime("ts", EventTime.Encoding.AUTO, null, ZoneId.of("UTC")))));
  }

  @Test
  void epoch_milliseconds() {
    assertSameAsIso(
        run(
            source(
                "encodings.parquet",
                new EventTime("event_ms", EventTime.Encoding.EPOCH_MS, null, ZoneId.of("UTC")))));
  }

  @Test
  void local_text_with_a_pattern_in_the_naive_zone() {
    assertSameAsIso(
        run(
            source(
                "encodings.parquet",
                new EventTime(
                    "local_text", EventTime.Encoding.PATTERN, "%d/%m/%Y %H:%M:%S", TOKYO))));
  }

  @Test
  void naive_timestamps_in_the_naive_zone() {
    assertSameAsIso(
        run(
            source(
                "encodings.parquet",
                new EventTime("local_naive", EventTime.Encoding.AUTO, null, TOKYO))));
  }

  @Test
  void naive_timestamps_default_to_utc() {
    // read as UTC, the Tokyo wall-clock values are 9 hours late: latest 2026-02-04T09:00:00Z
    Evaluation e =
        run(
            source(
                "encodings.parquet",
                new EventTime("local_naive", EventTime.Encoding.AUTO, null, ZoneId.of("UTC"))));
    assertThat(e.at()).isEqualTo(Instant.parse("2026-02-04T09:00:01Z"));
  }
}
