package io.slotoolkit.run;

import io.slotoolkit.engine.DailySeries;
import io.slotoolkit.engine.Engine;
import io.slotoolkit.forecast.Capacity;
import io.slotoolkit.forecast.CapacityCheck;
import io.slotoolkit.forecast.ForecastOptions;
import io.slotoolkit.forecast.Forecaster;
import io.slotoolkit.forecast.LoadLatencyFit;
import io.slotoolkit.model.Backtest;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.ForecastEntry;
import io.slotoolkit.model.ForecastReport;
import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.LoadLatency;
import io.slotoolkit.model.NameGlob;
import io.slotoolkit.model.NamedForecast;
import io.slotoolkit.model.Premortem;
import io.slotoolkit.model.Season;
import io.slotoolkit.model.Series;
import io.slotoolkit.model.SloException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec-forecast use case of {@code slo forecast}: runs the {@code forecasts:} entries of spec
 * files: one daily-series query per entry through the engine, then the same forecast, backtest and
 * premortem as {@code slo forecast --series}.
 */
public final class SpecForecasts {
  private final Forecaster forecaster = new Forecaster();

  /**
   * What to run and how.
   *
   * @param names --forecast patterns (empty: every entry)
   * @param at the end of every history (exclusive); null: the end of each source's latest day
   * @param horizon days to forecast (0: to the end of the next season)
   * @param backtest whether to backtest
   * @param holdout days the backtest holds out (0: one year)
   * @param allowNonSeasonal whether a history under two years may be forecast without a season
   */
  public record Request(
      List<String> names,
      Instant at,
      int horizon,
      boolean backtest,
      int holdout,
      boolean allowNonSeasonal) {}

  /** The entries the patterns select, in file order; a pattern matching none is a usage error. */
  public static List<ForecastEntry> select(Catalog catalog, List<String> names) {
    List<ForecastEntry> all = catalog.forecasts();
    if (all.isEmpty()) {
      throw SloException.spec(
          "the specs have no forecasts: entries",
          "add a forecasts: list to a spec file (see docs/forecasting.md), or pass --series FILE");
    }
    if (names.isEmpty()) return all;
    List<NameGlob> globs = new ArrayList<>();
    for (String n : names) {
      NameGlob g = NameGlob.of(n);
      if (all.stream().noneMatch(f -> g.matches(f.name(), f.qualifiedName()))) {
        throw SloException.spec(
            "--forecast " + n + " matches no forecast",
            "forecasts: " + String.join(", ", all.stream().map(ForecastEntry::name).toList()));
      }
      globs.add(g);
    }
    return all.stream()
        .filter(f -> globs.stream().anyMatch(g -> g.matches(f.name(), f.qualifiedName())))
        .toList();
  }

  /** Computes every entry's series in the engine, then forecasts and checks each. */
  public List<NamedForecast> run(Engine engine, List<ForecastEntry> entries, Request request) {
    engine.bindForecasts(entries);
    List<NamedForecast> out = new ArrayList<>();
    for (ForecastEntry e : entries) {
      Instant end = request.at() != null ? request.at() : engine.defaultForecastEnd(e.source());
      DailySeries daily = engine.dailySeries(e, end);
      out.add(
          new NamedForecast(
              e.name(),
              e.service(),
              e.location().toString(),
              e.description() == null ? null : e.description().strip(),
              report(e, daily, request)));
    }
    return out;
  }

  /** The forecast, backtest and premortem of one entry's daily series (no engine needed). */
  ForecastReport report(ForecastEntry e, DailySeries daily, Request request) {
    Series volume = volumeSeries(e, daily);
    Season season = new Season(e.seasonFrom(), e.seasonTo());
    ForecastOptions options =
        new ForecastOptions(request.horizon(), season, request.allowNonSeasonal());
    Forecast forecast = forecaster.forecast(volume, options);
    Backtest backtest =
        request.backtest() ? forecaster.backtest(volume, options, request.holdout()) : null;
    LoadLatency model = null;
    if (e.latency() != null) {
      Series latency =
          Series.regular(
              e.latency().statistic().symbol() + " of " + e.latency().column(),
              Frequency.DAILY,
              daily.days().get(0),
              daily.latency());
      model = LoadLatencyFit.fit(volume, latency);
    }
    ForecastEntry.JobCapacity job = e.capacity();
    Capacity capacity =
        new Capacity(
            null,
            job == null ? 1 : job.workers(),
            job == null ? null : job.window(),
            job == null ? 0 : job.headroom(),
            e.latencySlo() == null ? null : e.latencySlo().thresholdMs());
    // the daily series holds latencies in milliseconds, whatever the column's unit
    Premortem premortem = CapacityCheck.assess(forecast, season, capacity, model, 1.0);
    return new ForecastReport(sourceLabel(e), forecast, backtest, premortem);
  }

  /** {@code source 'pages' where job = 'sync'}. */
  private static String sourceLabel(ForecastEntry e) {
    return "source '"
        + e.source().name()
        + "'"
        + (e.where() == null ? "" : " where " + e.where().text().strip());
  }

  private static Series volumeSeries(ForecastEntry e, DailySeries daily) {
    String name =
        e.volume() instanceof ForecastEntry.Volume.Sum s ? "sum of " + s.column() : "events";
    double[] v = daily.volume();
    int zeros = 0;
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0) {
        throw SloException.data(
            "forecast '"
                + e.name()
                + "': the volume on "
                + daily.days().get(i)
                + " is negative ("
                + v[i]
                + ")",
            "a volume counts things; filter the rows with a negative "
                + ((ForecastEntry.Volume.Sum) e.volume()).column()
                + " out with where:");
      }
      if (v[i] == 0 && daily.events()[i] == 0) zeros++;
    }
    Series s = Series.regular(name, Frequency.DAILY, daily.days().get(0), v);
    List<String> notes = new ArrayList<>(s.notes());
    if (zeros > 0) {
      notes.add(
          zeros
              + " day(s) with rows in the source but no counted event are 0 (days without any"
              + " row are gaps)");
    }
    if (daily.partialDayDropped() != null) {
      notes.add(
          "the day "
              + daily.partialDayDropped()
              + " is cut by --at and left out: a partial day would look like a drop");
    }
    return new Series(s.name(), s.frequency(), s.dates(), s.values(), s.gaps(), notes);
  }
}
