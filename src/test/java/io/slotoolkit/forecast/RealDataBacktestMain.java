package io.slotoolkit.forecast;

import io.slotoolkit.model.Backtest;
import io.slotoolkit.model.CandidateScore;
import io.slotoolkit.model.DuplicateRule;
import io.slotoolkit.model.Series;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints the last-season hold-out backtest of every real dataset under {@code
 * /work/shared/datasets} (or the folder given as the first argument): ours, seasonal naive, and the
 * interval coverage. The figures in docs/forecasting.md come from this main; run it with {@code mvn
 * -q -o test-compile} and then {@code java -cp "$(cat
 * target/cp.txt):target/classes:target/test-classes" io.slotoolkit.forecast.RealDataBacktestMain
 * [DATASETS_DIR]}.
 */
public final class RealDataBacktestMain {
  /** One dataset column to backtest: name, file under the datasets folder, columns. */
  record Case(String name, String file, String dateColumn, String valueColumn, String until) {
    Case(String name, String file, String dateColumn, String valueColumn) {
      this(name, file, dateColumn, valueColumn, null);
    }

    /** The series, cut after {@code until} when set (to hold out a season before a shock). */
    Series load(Path dir) {
      Series s =
          SeriesFile.read(dir.resolve(file)).series(dateColumn, valueColumn, DuplicateRule.ERROR);
      if (until == null) return s;
      int end = s.dates().indexOf(java.time.LocalDate.parse(until));
      return s.head(end + 1);
    }
  }

  static final List<Case> CASES =
      List.of(
          new Case(
              "kobe in-migrants (monthly)",
              "kobe-monthly-migration/kobe_monthly_population_change.csv",
              "month",
              "in_migrants"),
          new Case(
              "kobe out-migrants (monthly)",
              "kobe-monthly-migration/kobe_monthly_population_change.csv",
              "month",
              "out_migrants"),
          new Case(
              "retail sales (monthly)", "prophet-retail-sales/example_retail_sales.csv", "ds", "y"),
          new Case(
              "air passengers (monthly)",
              "prophet-air-passengers/example_air_passengers.csv",
              "ds",
              "y"),
          new Case("pedestrians (daily)", "prophet-pedestrians/example_pedestrians.csv", "ds", "y"),
          new Case(
              "pedestrians to 2020-02 (daily)",
              "prophet-pedestrians/example_pedestrians.csv",
              "ds",
              "y",
              "2020-02-29"),
          new Case(
              "website page loads (daily)",
              "website-visitors-daily/daily-website-visitors.csv",
              "Date",
              "Page.Loads"),
          new Case(
              "germany electricity (daily)",
              "opsd-germany-daily/opsd_germany_daily.csv",
              "Date",
              "Consumption"),
          new Case(
              "peyton manning views (daily)",
              "prophet-peyton-manning/example_wp_peyton_manning.csv",
              "ds",
              "y"));

  /** The table of docs/forecasting.md. */
  static void markdown(Path dir, Forecaster forecaster) {
    System.out.println(
        "| series | hold-out | chosen method | MAPE | naive MAPE | peak error | naive peak error"
            + " | peak date shift | cover 80% | cover 95% | real peak | upper 95% at peak |");
    System.out.println(
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Case c : CASES) {
      Backtest b = forecaster.backtest(c.load(dir), ForecastOptions.defaults(), 0);
      System.out.printf(
          Locale.ROOT,
          "| %s | %s..%s | %s | %.2f%% | %.2f%% | %+.1f%% | %+.1f%% | %+d d | %.0f%% | %.0f%% | %,.0f"
              + " | %,.0f %s |%n",
          c.name(),
          b.from(),
          b.to(),
          b.forecast().method(),
          b.mape(),
          b.baselineMape(),
          b.peakError(),
          b.baselinePeakError(),
          b.peakDateShiftDays(),
          b.coverage80(),
          b.coverage95(),
          b.actualPeak(),
          b.peakUpper95(),
          b.peakCovered() ? "(reached)" : "(**missed**)");
    }
  }

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/datasets");
    Forecaster forecaster = new Forecaster();
    if (args.length > 1 && args[1].equals("--markdown")) {
      markdown(dir, forecaster);
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%-30s %-20s %7s %7s %8s %8s %6s %6s %6s %5s %s%n",
        "series",
        "method",
        "MAPE",
        "naive",
        "peakErr",
        "nvPeak",
        "shift",
        "cov80",
        "cov95",
        "peak<=u95",
        "hold-out");
    for (Case c : CASES) {
      Series s = c.load(dir);
      long t0 = System.nanoTime();
      Backtest b = forecaster.backtest(s, ForecastOptions.defaults(), 0);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf(
          Locale.ROOT,
          "%-30s %-20s %6.2f%% %6.2f%% %7.1f%% %7.1f%% %6d %5.0f%% %5.0f%% %5s %s..%s (%d ms)%n",
          c.name(),
          b.forecast().method(),
          b.mape(),
          b.baselineMape(),
          b.peakError(),
          b.baselinePeakError(),
          b.peakDateShiftDays(),
          b.coverage80(),
          b.coverage95(),
          b.peakCovered() ? "yes" : "NO",
          b.from(),
          b.to(),
          ms);
      if (args.length > 1) {
        for (CandidateScore cs : b.forecast().candidates())
          System.out.printf(
              Locale.ROOT, "    %-24s %.4f%s%n", cs.method(), cs.error(), cs.chosen() ? " *" : "");
        System.out.printf(
            Locale.ROOT,
            "    peak actual %.0f on %s, forecast %.0f on %s, u95 %.0f%n",
            b.actualPeak(),
            b.actualPeakDate(),
            b.forecastPeak(),
            b.forecastPeakDate(),
            b.peakUpper95());
      }
    }
  }
}
