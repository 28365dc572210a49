package io.slotoolkit.run;

import io.slotoolkit.forecast.Capacity;
import io.slotoolkit.forecast.CapacityCheck;
import io.slotoolkit.forecast.ForecastOptions;
import io.slotoolkit.forecast.Forecaster;
import io.slotoolkit.forecast.LoadLatencyFit;
import io.slotoolkit.forecast.SeriesFile;
import io.slotoolkit.model.Backtest;
import io.slotoolkit.model.DuplicateRule;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.ForecastReport;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.LoadLatency;
import io.slotoolkit.model.Premortem;
import io.slotoolkit.model.Season;
import io.slotoolkit.model.Series;
import io.slotoolkit.model.SloException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code slo forecast --series FILE} use case: read a ready-made series, forecast it with its
 * season, backtest it, and check the daily job and the latency SLO at the peak.
 */
public final class SeriesForecast {
  private final Forecaster forecaster = new Forecaster();

  /**
   * Everything a series forecast takes (the command checks the combinations before).
   *
   * @param file the series file, as it is read
   * @param label the file as the report names it
   * @param dateColumn the date column (null: the first column whose first value is a date)
   * @param valueColumn the value column (null: the first numeric column after the date)
   * @param latencyColumn the column of the daily latency statistic (null: none)
   * @param latencyUnit the unit of that column
   * @param season the busy season (null: none)
   * @param latency the per-item latency of the job (null: modelled from {@code latencyColumn})
   * @param workers parallel workers of the job
   * @param window the time the job must fit in (null: no job check)
   * @param headroom the share of {@code window} kept free, in [0, 1)
   * @param latencySlo the latency threshold at the peak (null: none)
   * @param duplicates what a repeated date means
   * @param horizon periods to forecast (0: to the end of the next season)
   * @param backtest whether to backtest
   * @param holdout periods the backtest holds out (0: one year)
   * @param allowNonSeasonal whether a history under two years may be forecast without a season
   */
  public record Options(
      Path file,
      String label,
      String dateColumn,
      String valueColumn,
      String latencyColumn,
      LatencyUnit latencyUnit,
      Season season,
      Duration latency,
      int workers,
      Duration window,
      double headroom,
      Duration latencySlo,
      DuplicateRule duplicates,
      int horizon,
      boolean backtest,
      int holdout,
      boolean allowNonSeasonal) {}

  /** Reads the series and computes its forecast report. */
  public ForecastReport run(Options o) {
    SeriesFile file = SeriesFile.read(o.file());
    String dates = file.dateColumn(o.dateColumn());
    String values = file.valueColumn(o.valueColumn(), dates);
    Series volume;
    try {
      volume = file.series(dates, values, o.duplicates());
    } catch (SloException e) {
      if (o.valueColumn() != null || e.exitCode() != ExitCode.DATA) throw e;
      // the column was our guess: say so, and offer the others
      throw SloException.data(
          e.getMessage(),
          (e.hint() == null ? "" : e.hint() + "; ")
              + values
              + " is the default value column (the first numeric column after the date); name"
              + " another with --value-column: "
              + String.join(", ", file.numericColumns(dates)));
    }
    Series latencySeries =
        o.latencyColumn() == null ? null : file.series(dates, o.latencyColumn(), o.duplicates());

    ForecastOptions options = new ForecastOptions(o.horizon(), o.season(), o.allowNonSeasonal());
    Forecast forecast = forecaster.forecast(volume, options);
    Backtest bt = o.backtest() ? forecaster.backtest(volume, options, o.holdout()) : null;
    Capacity capacity =
        new Capacity(
            o.latency() == null ? null : o.latency().toNanos() / 1e6,
            o.workers(),
            o.window(),
            o.headroom(),
            o.latencySlo() == null ? null : o.latencySlo().toNanos() / 1e6);
    LoadLatency model = latencySeries == null ? null : LoadLatencyFit.fit(volume, latencySeries);
    Premortem premortem =
        o.season() != null || capacity.any() || model != null
            ? CapacityCheck.assess(
                forecast,
                o.season(),
                capacity,
                model,
                o.latencyUnit().micros().doubleValue() / 1000)
            : null;
    return new ForecastReport(o.label(), forecast, bt, premortem);
  }
}
