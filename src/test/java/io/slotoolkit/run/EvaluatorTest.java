package io.slotoolkit.run;

import static io.slotoolkit.engine.Fixtures.days;
import static io.slotoolkit.engine.Fixtures.latency;
import static io.slotoolkit.engine.Fixtures.ratio;
import static io.slotoolkit.engine.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.engine.DuckDbEngine;
import io.slotoolkit.engine.EngineOptions;
import io.slotoolkit.engine.Fixtures;
import io.slotoolkit.model.AlertStatus;
import io.slotoolkit.model.Assessment;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.Counts;
import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Evaluation;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.FailOn;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloResult;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.Status;
import io.slotoolkit.model.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
  private static Evaluation run(Instant at, Slo... slos) {
    Catalog c =
        new Catalog(
            List.of(
                Fixtures.specFile(
                    Fixtures.SPEC, "homehub", List.of(slos[0].source()), List.of(slos))));
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      return ev.evaluate(c, at == null ? ev.defaultAt(c) : at, new FailOn.OnBreach());
    }
  }

  @Test
  void default_at_is_the_second_after_the_latest_event_and_counts_it() {
    DataSource src = source("api.csv", null, ZoneId.of("UTC"));
    Evaluation e = run(null, ratio("avail", src, "status < 500", null, "0.5", days(28), List.of()));
    // latest event 2026-02-04T00:00:00Z -> at = 00:00:01; every one of the 8 rows is in the 28d
    // window;
    // bad rows: 503, 500, 500 -> good 5 of 8.
    assertThat(e.at()).isEqualTo(Instant.parse("2026-02-04T00:00:01Z"));
    SloResult r = e.results().get(0);
    assertThat(r.good()).isEqualTo(5);
    assertThat(r.total()).isEqualTo(8);
    assertThat(r.sli()).isCloseTo(0.625, within(1e-12));
    // allowed = 0.5 x 8 = 4; remaining = 1 - 3/4 = 0.25; burn = (3/8)/0.5 = 0.75
    assertThat(r.budget().allowed()).isEqualByComparingTo("4");
    assertThat(r.budget().remaining()).isCloseTo(0.25, within(1e-12));
    assertThat(r.burnRate()).isCloseTo(0.75, within(1e-12));
    assertThat(r.status()).isEqualTo(Status.OK);
  }

  @Test
  void rolling_window_start_is_inclusive_and_at_is_exclusive() {
    DataSource src = source("api.csv", null, ZoneId.of("UTC"));
    // at = 2026-02-04T00:00:00Z exactly: the row at that instant is out; 2d window starts
    // 2026-02-02T00:00:00Z,
    // so the row at that instant is in. In window: 02-02 00:00 (200), 02-02 12:00 (500), 02-03
    // 00:00 (200),
    // 02-03 06:00 (200), 02-03 23:59:59 (500) -> good 3 of 5.
    Evaluation e =
        run(
            Instant.parse("2026-02-04T00:00:00Z"),
            ratio("avail", src, "status < 500", null, "0.9", days(2), List.of()));
    SloResult r = e.results().get(0);
    assertThat(r.good()).isEqualTo(3);
    assertThat(r.total()).isEqualTo(5);
    assertThat(r.status()).isEqualTo(Status.BREACHED);
    assertThat(e.passed()).isFalse();
  }

  @Test
  void where_excludes_rows_and_counts_them() {
    DataSource src = source("api.csv", "customer <> 'test'", ZoneId.of("UTC"));
    Evaluation e =
        run(
            null,
            ratio(
                "avail", src, "status < 500", "endpoint = '/unlock'", "0.5", days(28), List.of()));
    // /unlock rows without the test tenant: acme 200, acme 503, tiny 500, tiny 200, acme 200, acme
    // 200 -> 4 of 6
    SloResult r = e.results().get(0);
    assertThat(r.good()).isEqualTo(4);
    assertThat(r.total()).isEqualTo(6);
    assertThat(e.sources().get(0).excludedRows()).isEqualTo(1);
    assertThat(e.sources().get(0).rowsInRange()).isEqualTo(8);
  }

  @Test
  void per_customer_results_are_sorted_and_exact() {
    DataSource src = source("api.csv", null, ZoneId.of("UTC"));
    Evaluation e =
        run(
            null,
            ratio("by-customer", src, "status < 500", null, "0.75", days(28), List.of("customer")));
    // acme: 200,503,200,200,200 -> 4/5 OK at 75%; test: 500 -> 0/1; tiny: 500,200 -> 1/2
    assertThat(e.results())
        .extracting(x -> x.group().values().get(0))
        .containsExactly("acme", "test", "tiny");
    assertThat(e.results()).extracting(SloResult::good).containsExactly(4L, 0L, 1L);
    assertThat(e.results()).extracting(SloResult::total).containsExactly(5L, 1L, 2L);
    assertThat(e.results())
        .extracting(SloResult::status)
        .containsExactly(Status.OK, Status.BREACHED, Status.BREACHED);
  }

  @Test
  void latency_null_rows_are_skipped_not_counted_bad() {
    DataSource src = source("api.csv", null, ZoneId.of("UTC"));
    Evaluation e = run(null, latency("fast", src, "300", "0.5", days(28)));
    // latencies 120,900,80,300,NULL,310,10,100: NULL skipped; <= 300: 120,80,300,10,100 -> 5 of 7
    SloResult r = e.results().get(0);
    assertThat(r.good()).isEqualTo(5);
    assertThat(r.total()).isEqualTo(7);
    assertThat(r.skippedNull()).isEqualTo(1);
  }

  @Test
  void calendar_week_starts_monday_in_the_source_zone() {
    // at = 2026-02-04T00:00:01Z is Wednesday 09:00:01 in Tokyo; the ISO week started Monday
    // 2026-02-02 00:00 +09:00
    // = 2026-02-01T15:00:00Z. Rows from then: 02-02 00:00Z 200, 02-02 12:00Z 500, 02-03 00:00Z 200,
    // 06:00Z 200,
    // 23:59:59Z 500, 02-04 00:00Z 200 -> 4 of 6.
    DataSource src = source("api.csv", null, ZoneId.of("Asia/Tokyo"));
    Evaluation e =
        run(
            null,
            ratio(
                "weekly",
                src,
                "status < 500",
                null,
                "0.5",
                Window.Calendar.civil(Window.Period.WEEK),
                List.of()));
    SloResult r = e.results().get(0);
    assertThat(r.windowStart()).isEqualTo(Instant.parse("2026-02-01T15:00:00Z"));
    assertThat(r.good()).isEqualTo(4);
    assertThat(r.total()).isEqualTo(6);
    assertThat(e.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void overall_counts_are_every_group_summed_null_keys_included(@TempDir Path dir)
      throws Exception {
    // The scan aggregates only the per-customer and per-endpoint sets and derives the overall set
    // from one of them: rows whose key is NULL must still count overall.
    Path csv = dir.resolve("api.csv");
    Files.writeString(
        csv,
        """
        ts,customer,endpoint,status
        2026-02-03T23:00:00Z,acme,/unlock,200
        2026-02-03T23:30:00Z,,/unlock,500
        2026-02-03T23:50:00Z,tiny,,200
        2026-02-03T23:55:00Z,,,503
        2026-02-01T00:00:00Z,acme,/status,200
        """);
    DataSource src =
        new DataSource(
            "api",
            Fixtures.SPEC,
            List.of(csv.toString()),
            DataFormat.AUTO,
            new EventTime("ts", EventTime.Encoding.AUTO, null, ZoneId.of("UTC")),
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
    Slo overall = ratio("overall", src, "status < 500", null, "0.5", days(28), List.of());
    Slo byCustomer =
        ratio("by-customer", src, "status < 500", null, "0.5", days(28), List.of("customer"));
    Slo byEndpoint =
        ratio("by-endpoint", src, "status < 500", null, "0.5", days(28), List.of("endpoint"));
    Catalog c =
        new Catalog(
            List.of(
                Fixtures.specFile(
                    Fixtures.SPEC,
                    "homehub",
                    List.of(src),
                    List.of(overall, byCustomer, byEndpoint))));
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      Evaluator ev = new Evaluator(engine);
      ev.prepare(c);
      Assessment a = ev.assess(c, Instant.parse("2026-02-04T00:00:00Z"), new FailOn.Never());
      // all 5 rows: good 200, 200, 200 -> 3 of 5
      SloResult all = a.evaluation().results().get(0);
      assertThat(all.group()).isNull();
      assertThat(all.good()).isEqualTo(3);
      assertThat(all.total()).isEqualTo(5);
      assertThat(a.evaluation().sources().get(0).rowsInRange()).isEqualTo(5);
      // the 1h/5m pair (28d scales it to 56m/5m): the long window starts 23:04, so it holds 23:30
      // (500), 23:50 (200) and 23:55 (503), the short one 23:55 alone -> 1 of 3 good, 0 of 1
      AlertStatus page = a.details().get(0).alerts().get(0);
      assertThat(page.rule().longWindow()).isEqualTo(Duration.ofMinutes(56));
      assertThat(page.longWindow()).isEqualTo(new Counts(1, 3));
      assertThat(page.shortWindow()).isEqualTo(new Counts(0, 1));
      // every set partitions the same rows
      long customers =
          a.evaluation().results().stream()
              .filter(r -> r.slo().equals(byCustomer))
              .mapToLong(SloResult::total)
              .sum();
      assertThat(customers).isEqualTo(5);
    }
  }

  @Test
  void null_expressions_skip_rows_and_false_totals_leave_them_out(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("api.csv");
    Files.writeString(csv, Fixtures.NULLS_CSV);
    Instant at = Instant.parse("2026-02-04T00:00:00Z");
    // valid = endpoint <> '/healthz', good = status < 500:
    // rows 1, 2 valid (1 good); 3 and 7 have a NULL total and 4 a NULL good: skipped;
    // 5 and 6 are not valid (total FALSE), whatever their status, and not skipped
    SloResult plain = only(csv, null, at);
    assertThat(plain.good()).isEqualTo(1);
    assertThat(plain.total()).isEqualTo(2);
    assertThat(plain.skippedNull()).isEqualTo(3);
    // a where that leaves out row 2: it counts nowhere, not even as skipped
    SloResult kept = only(csv, "status IS DISTINCT FROM 503", at);
    assertThat(kept.good()).isEqualTo(1);
    assertThat(kept.total()).isEqualTo(1);
    assertThat(kept.skippedNull()).isEqualTo(3);
  }

  private static SloResult only(Path csv, String where, Instant at) {
    DataSource src =
        new DataSource(
            "api",
            Fixtures.SPEC,
            List.of(csv.toString()),
            DataFormat.AUTO,
            new EventTime("ts", EventTime.Encoding.AUTO, null, ZoneId.of("UTC")),
            ZoneId.of("UTC"),
            CsvDialect.SNIFF,
            where == null ? null : Fixtures.expr(where),
            0,
            new SourceLocation(Fixtures.SPEC, 3, 3),
            List.of(),
            false,
            null,
            null,
            null);
    return run(
            at,
            ratio(
                "avail", src, "status < 500", "endpoint <> '/healthz'", "0.5", days(28), List.of()))
        .results()
        .get(0);
  }
}
