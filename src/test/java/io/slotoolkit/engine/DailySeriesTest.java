package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code sync-pages.csv}: pages of records synced, with event times in UTC and the business
 * calendar in Europe/Berlin, across the DST change of 31 March 2024 (02:00 CET became 03:00 CEST, a
 * 23-hour day). The source leaves out tenant 'test'; the entries count only job 'sync'.
 */
class DailySeriesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final SourceLocation AT = new SourceLocation(Fixtures.SPEC, 20, 5);

  private static DataSource pages() {
    return Fixtures.source("sync-pages.csv", "tenant <> 'test'", BERLIN);
  }

  private static ForecastEntry entry(
      ForecastEntry.Volume volume, String where, ForecastEntry.DailyLatency latency) {
    return new ForecastEntry(
        "sync",
        "s",
        null,
        pages(),
        volume,
        where == null ? null : Fixtures.expr(where),
        latency,
        MonthDay.of(3, 15),
        MonthDay.of(4, 10),
        null,
        null,
        AT);
  }

  private static ForecastEntry.DailyLatency latency(ForecastEntry.Statistic s, LatencyUnit unit) {
    return new ForecastEntry.DailyLatency("latency_ms", unit, s, AT);
  }

  private static DailySeries run(ForecastEntry e, Instant at) {
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      engine.bindForecasts(List.of(e));
      return engine.dailySeries(e, at == null ? engine.defaultForecastEnd(e.source()) : at);
    }
  }

  private static final double NaN = Double.NaN;

  @Test
  void sum_per_local_day_across_dst_with_both_where_filters() {
    DailySeries d =
        run(
            entry(
                new ForecastEntry.Volume.Sum("records", AT),
                "job = 'sync'",
                latency(ForecastEntry.Statistic.P95, LatencyUnit.MS)),
            null);

    assertThat(d.days())
        .containsExactly(
            LocalDate.of(2024, 3, 29),
            LocalDate.of(2024, 3, 30),
            LocalDate.of(2024, 3, 31),
            LocalDate.of(2024, 4, 1),
            LocalDate.of(2024, 4, 2),
            LocalDate.of(2024, 4, 3),
            LocalDate.of(2024, 4, 4),
            LocalDate.of(2024, 4, 5));
    // 03-29: 10 + 20 (reindex 5 is not 'sync'; tenant test's 1000 is left out by the source)
    // 03-30 (CET, UTC+1): 23:30Z on 03-29 is 00:30 on 03-30, 22:59:59Z is 23:59:59: 30+40+50+60
    // 03-31 (the 23-hour day): 23:30Z on 03-30 is 00:30 CET; 21:59Z is 23:59 CEST: 7 + 3
    // 04-01: 22:30Z on 03-31 is 00:30 CEST on 04-01: 11 (a fixed UTC+1 would put it on 03-31)
    // 04-02: only a reindex row: the export covers the day, nothing synced: 0
    // 04-03: no row at all: a gap
    assertThat(d.volume()).containsExactly(30, 180, 10, 11, 0, NaN, 5, 1);
    assertThat(d.events()).containsExactly(2, 4, 2, 1, 0, 0, 1, 1);
    double[] p95 = d.latency();
    // quantile_cont: position (n-1) x 0.95 between the sorted values
    // 03-29 {100, 200}: 100 + 0.95 x 100 = 195
    assertThat(p95[0]).isCloseTo(195, within(1e-9));
    // 03-30 {10, 20, 30, 40}: position 2.85 -> 30 + 0.85 x 10 = 38.5
    assertThat(p95[1]).isCloseTo(38.5, within(1e-9));
    // 03-31 {30, 70}: 30 + 0.95 x 40 = 68
    assertThat(p95[2]).isCloseTo(68, within(1e-9));
    assertThat(p95[3]).isCloseTo(110, within(1e-9));
    // 04-02 nothing counted, 04-03 no rows, 04-04 the only latency is empty
    assertThat(p95[4]).isNaN();
    assertThat(p95[5]).isNaN();
    assertThat(p95[6]).isNaN();
    assertThat(p95[7]).isCloseTo(10, within(1e-9));
    // rows read: 15, of which tenant test's one is excluded
    assertThat(d.stats().rowsInRange()).isEqualTo(15);
    assertThat(d.stats().excludedRows()).isEqualTo(1);
    assertThat(d.partialDayDropped()).isNull();
  }

  @Test
  void count_without_entry_filter_counts_every_kept_event() {
    DailySeries d = run(entry(new ForecastEntry.Volume.Count(), null, null), null);

    // 03-29: 2 sync + 1 reindex; 03-30: 4; 03-31: 2; 04-01: 1 sync + 1 reindex; 04-02: 1 reindex
    assertThat(d.volume()).containsExactly(3, 4, 2, 2, 1, NaN, 1, 1);
    assertThat(d.latency()).isNull();
  }

  @Test
  void mean_statistic_in_seconds_is_converted_to_milliseconds() {
    DailySeries d =
        run(
            entry(
                new ForecastEntry.Volume.Count(),
                "job = 'sync'",
                latency(ForecastEntry.Statistic.MEAN, LatencyUnit.S)),
            null);

    // 03-30: mean(10, 20, 30, 40) = 25 s = 25,000 ms
    assertThat(d.latency()[1]).isCloseTo(25_000, within(1e-6));
    assertThat(d.volume()[4]).isEqualTo(0); // 04-02: a count of 0 sync events
  }

  @Test
  void a_day_cut_by_at_is_left_out() {
    // 13:00 CEST on 04-04 cuts that day; 04-03 has no row, so the series ends on 04-02
    Instant at = Instant.parse("2024-04-04T11:00:00Z");
    DailySeries d = run(entry(new ForecastEntry.Volume.Count(), "job = 'sync'", null), at);

    assertThat(d.partialDayDropped()).isEqualTo(LocalDate.of(2024, 4, 4));
    assertThat(d.days()).last().isEqualTo(LocalDate.of(2024, 4, 2));
  }

  @Test
  void default_end_is_the_start_of_the_day_after_the_latest_event() {
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      ForecastEntry e = entry(new ForecastEntry.Volume.Count(), null, null);
      engine.bindForecasts(List.of(e));
      // latest 2024-04-05T10:00Z is 12:00 CEST on 04-05; the next day starts at 22:00Z
      assertThat(engine.defaultForecastEnd(e.source()))
          .isEqualTo(Instant.parse("2024-04-05T22:00:00Z"));
    }
  }

  @Test
  void latency_column_empty_on_every_counted_event_is_a_data_error() {
    ForecastEntry e =
        entry(
            new ForecastEntry.Volume.Count(),
            "records = 5 AND job = 'sync'",
            latency(ForecastEntry.Statistic.P95, LatencyUnit.MS));

    assertThatThrownBy(() -> run(e, null))
        .isInstanceOfSatisfying(
            SloException.class,
            x -> {
              assertThat(x.exitCode()).isEqualTo(ExitCode.DATA);
              assertThat(x.getMessage())
                  .contains("latency column 'latency_ms' is empty (NULL) on every counted event");
            });
  }

  @Test
  void a_forecast_where_that_is_not_an_expression_is_a_spec_error() {
    ForecastEntry e = entry(new ForecastEntry.Volume.Count(), "job = 'sync'; DROP TABLE x", null);

    assertThatThrownBy(() -> run(e, null))
        .isInstanceOfSatisfying(
            SloException.class, x -> assertThat(x.exitCode()).isEqualTo(ExitCode.USAGE));
  }

  @Test
  void a_missing_volume_column_is_a_data_error_naming_the_columns() {
    ForecastEntry e = entry(new ForecastEntry.Volume.Sum("items", AT), null, null);

    assertThatThrownBy(() -> run(e, null))
        .isInstanceOfSatisfying(
            SloException.class,
            x -> {
              assertThat(x.exitCode()).isEqualTo(ExitCode.DATA);
              assertThat(x.getMessage())
                  .contains("forecast 'sync': volume column 'items' is not in source 'api'")
                  .contains("test.yaml:20:5");
            });
  }
}
