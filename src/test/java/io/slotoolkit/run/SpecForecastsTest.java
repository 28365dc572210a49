package io.slotoolkit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.engine.DailySeries;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.ForecastReport;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SpecFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecForecastsTest {
  private static final Path SPEC = Path.of("sync.yaml");
  private static final SourceLocation AT = new SourceLocation(SPEC, 9, 5);
  private static final DataSource PAGES =
      new DataSource(
          "pages",
          SPEC,
          List.of("/data/pages.csv"),
          DataFormat.CSV,
          new EventTime("ts", EventTime.Encoding.AUTO, null, ZoneId.of("UTC")),
          ZoneId.of("Asia/Tokyo"),
          CsvDialect.SNIFF,
          null,
          0,
          AT,
          List.of(),
          false,
          null,
          null,
          null);

  private static ForecastEntry entry(String name, ForecastEntry.Volume volume) {
    return new ForecastEntry(
        name,
        "sync",
        null,
        PAGES,
        volume,
        null,
        null,
        MonthDay.of(3, 15),
        MonthDay.of(4, 10),
        null,
        null,
        AT);
  }

  private static Catalog catalog(ForecastEntry... entries) {
    return new Catalog(
        List.of(
            new SpecFile(
                SPEC,
                "sync",
                List.of(PAGES),
                List.of(),
                List.of(),
                List.of(),
                List.of(entries),
                List.of())));
  }

  @Test
  void forecast_patterns_select_by_name_or_service_slash_name() {
    ForecastEntry a = entry("records", new ForecastEntry.Volume.Count());
    ForecastEntry b = entry("pages", new ForecastEntry.Volume.Count());

    assertThat(SpecForecasts.select(catalog(a, b), List.of())).containsExactly(a, b);
    assertThat(SpecForecasts.select(catalog(a, b), List.of("sync/p*"))).containsExactly(b);
    assertThatThrownBy(() -> SpecForecasts.select(catalog(a, b), List.of("nightly")))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.hint()).isEqualTo("forecasts: records, pages");
            });
  }

  @Test
  void specs_without_forecasts_are_a_usage_error() {
    assertThatThrownBy(() -> SpecForecasts.select(catalog(), List.of()))
        .isInstanceOfSatisfying(
            SloException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
  }

  /** Two years and a bit of a flat 100 per day, with one 0 day (rows, none counted) and a gap. */
  private static DailySeries daily(ForecastEntry e, double zeroDayValue) {
    LocalDate first = LocalDate.of(2023, 1, 1);
    int n = 800;
    List<LocalDate> days = new ArrayList<>();
    double[] volume = new double[n];
    long[] events = new long[n];
    for (int i = 0; i < n; i++) {
      days.add(first.plusDays(i));
      volume[i] = 100 + (i % 7 == 0 ? 20 : 0);
      events[i] = 3;
    }
    volume[400] = zeroDayValue;
    events[400] = 0;
    volume[500] = Double.NaN;
    events[500] = 0;
    return new DailySeries(e, days, volume, null, events, LocalDate.of(2025, 3, 11), null);
  }

  @Test
  void zero_days_and_a_dropped_partial_day_are_noted_and_gaps_stay_gaps() {
    ForecastEntry e = entry("records", new ForecastEntry.Volume.Sum("records", AT));
    SpecForecasts.Request request = new SpecForecasts.Request(List.of(), null, 30, false, 0, false);

    ForecastReport r = new SpecForecasts().report(e, daily(e, 0), request);

    assertThat(r.source()).isEqualTo("source 'pages'");
    assertThat(r.forecast().history().name()).isEqualTo("sum of records");
    assertThat(r.forecast().history().value(400)).isEqualTo(0);
    assertThat(r.forecast().history().gaps()).hasSize(1);
    assertThat(r.forecast().history().gaps().get(0).first()).isEqualTo(LocalDate.of(2024, 5, 15));
    assertThat(r.forecast().notes())
        .anyMatch(n -> n.startsWith("1 day(s) with rows in the source but no counted event are 0"))
        .anyMatch(n -> n.startsWith("the day 2025-03-11 is cut by --at and left out"));
    // no capacity and no latency: the premortem only looks for the peak in the season
    assertThat(r.verdict()).isNull();
  }

  @Test
  void a_negative_daily_sum_is_a_data_error_naming_the_day() {
    ForecastEntry e = entry("records", new ForecastEntry.Volume.Sum("records", AT));
    DailySeries d = daily(e, -5);
    SpecForecasts.Request request = new SpecForecasts.Request(List.of(), null, 30, false, 0, false);

    assertThatThrownBy(() -> new SpecForecasts().report(e, d, request))
        .isInstanceOfSatisfying(
            SloException.class,
            x -> {
              assertThat(x.exitCode()).isEqualTo(ExitCode.DATA);
              assertThat(x.getMessage())
                  .isEqualTo("forecast 'records': the volume on 2024-02-05 is negative (-5.0)");
            });
  }
}
