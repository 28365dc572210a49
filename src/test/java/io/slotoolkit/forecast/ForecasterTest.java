package io.slotoolkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.Backtest;
import io.slotoolkit.model.DuplicateRule;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.ForecastPoint;
import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.Gap;
import io.slotoolkit.model.Observation;
import io.slotoolkit.model.Season;
import io.slotoolkit.model.Series;
import io.slotoolkit.model.SloException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecasterTest {
  private final Forecaster forecaster = new Forecaster();

  /** log y = 7 + 0.1 t + 0.3 sin(phase) + 0.2 cos(2 phase) - 0.4 [Sat] - 0.6 [Sun], t in years. */
  private static double truth(LocalDate start, LocalDate d) {
    double t = (d.toEpochDay() - start.toEpochDay()) / 365.25;
    double phase = 2 * Math.PI * (d.getDayOfYear() - 0.5) / d.lengthOfYear();
    double dow =
        d.getDayOfWeek() == DayOfWeek.SATURDAY
            ? -0.4
            : d.getDayOfWeek() == DayOfWeek.SUNDAY ? -0.6 : 0;
    return Math.exp(7 + 0.1 * t + 0.3 * Math.sin(phase) + 0.2 * Math.cos(2 * phase) + dow);
  }

  private static Series synthetic(LocalDate start, int days, double noise, long seed) {
    Random rnd = new Random(seed);
    double[] v = new double[days];
    for (int i = 0; i < days; i++) {
      v[i] = truth(start, start.plusDays(i)) * Math.exp(noise * rnd.nextGaussian());
    }
    return Series.regular("volume", Frequency.DAILY, start, v);
  }

  @Test
  void regression_recovers_known_trend_season_and_weekdays() {
    LocalDate start = LocalDate.of(2021, 1, 1);
    Series s = synthetic(start, 3 * 365, 0, 1);
    LogScale log = new LogScale(s);
    SeasonalDesign design = new SeasonalDesign(Frequency.DAILY, true, 20, true);
    double[] beta = log.equations(design, 0).solve(s.size());
    // Time counts years from the first date: the intercept is the log level there without season
    // and weekday, 7.
    assertThat(beta[0]).isCloseTo(7, within(1e-4));
    assertThat(beta[1]).as("trend per year").isCloseTo(0.1, within(1e-4));
    // Columns 2.. are sin(k phase), cos(k phase) for k = 1..20.
    assertThat(beta[2]).as("sin 1").isCloseTo(0.3, within(1e-4));
    assertThat(beta[3]).as("cos 1").isCloseTo(0, within(1e-4));
    assertThat(beta[4]).as("sin 2").isCloseTo(0, within(1e-4));
    assertThat(beta[5]).as("cos 2").isCloseTo(0.2, within(1e-4));
    // Weekday dummies (Tuesday .. Sunday) follow the 40 Fourier columns: Monday is the base.
    int dow = 2 + 40;
    assertThat(beta[dow]).as("Tuesday").isCloseTo(0, within(1e-4));
    assertThat(beta[dow + 4]).as("Saturday").isCloseTo(-0.4, within(1e-4));
    assertThat(beta[dow + 5]).as("Sunday").isCloseTo(-0.6, within(1e-4));
  }

  @Test
  void forecast_of_a_noise_free_series_follows_the_truth() {
    LocalDate start = LocalDate.of(2021, 1, 1);
    Series s = synthetic(start, 3 * 365, 0, 1);
    Forecast f = forecaster.forecast(s, ForecastOptions.defaults());
    assertThat(f.points()).hasSize(365);
    assertThat(f.seasonal()).isTrue();
    for (ForecastPoint p : f.points()) {
      assertThat(p.value() / truth(start, p.date())).isCloseTo(1, within(0.01));
    }
  }

  @Test
  void intervals_widen_with_the_horizon_and_hold_the_point() {
    Series s = synthetic(LocalDate.of(2020, 1, 1), 4 * 365, 0.1, 7);
    Forecast f = forecaster.forecast(s, ForecastOptions.defaults());
    double previous = 0;
    for (ForecastPoint p : f.points()) {
      assertThat(p.lower95()).isLessThanOrEqualTo(p.lower80());
      assertThat(p.lower80()).isLessThanOrEqualTo(p.value());
      assertThat(p.value()).isLessThanOrEqualTo(p.upper80());
      assertThat(p.upper80()).isLessThanOrEqualTo(p.upper95());
      double width = Math.log(p.upper95() / p.lower95());
      assertThat(width).isGreaterThanOrEqualTo(previous - 1e-12);
      previous = width;
    }
    ForecastPoint first = f.points().get(0);
    ForecastPoint last = f.points().get(f.points().size() - 1);
    assertThat(Math.log(last.upper95() / last.lower95()))
        .isGreaterThan(Math.log(first.upper95() / first.lower95()));
  }

  @Test
  void forecasts_never_go_negative_even_for_a_collapsing_series_with_zeros() {
    int n = 36;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = Math.max(0, 500 - 15 * i + (i % 12 == 2 ? 200 : 0));
    Series s = Series.regular("orders", Frequency.MONTHLY, LocalDate.of(2020, 1, 1), v);
    Forecast f = forecaster.forecast(s, new ForecastOptions(24, null, false));
    for (ForecastPoint p : f.points()) {
      assertThat(p.value()).isGreaterThanOrEqualTo(0);
      assertThat(p.lower95()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void two_seasons_of_monthly_history_are_enough() {
    double[] v = new double[24];
    // +-2% alternating noise, so that the backtest has errors to calibrate intervals from.
    for (int i = 0; i < 24; i++)
      v[i] = 5000 * (i % 12 == 2 ? 2.5 : 1) * (1 + 0.01 * i) * (i % 2 == 0 ? 1.02 : 0.98);
    Series s = Series.regular("moves", Frequency.MONTHLY, LocalDate.of(2023, 1, 1), v);
    Forecast f = forecaster.forecast(s, ForecastOptions.defaults());
    assertThat(f.seasonal()).isTrue();
    ForecastPoint march = f.points().get(2);
    assertThat(march.date()).isEqualTo(LocalDate.of(2025, 3, 1));
    // The March peak repeats: 5000 * 2.5 * (1 + 0.01 * 26) = 15,750 on the growth line.
    assertThat(march.value()).isCloseTo(15_750, within(15_750 * 0.06));
    assertThat(march.upper95()).isGreaterThan(march.value());
  }

  @Test
  void too_short_a_history_says_how_much_is_needed() {
    double[] v = new double[20];
    java.util.Arrays.fill(v, 100);
    Series s = Series.regular("moves", Frequency.MONTHLY, LocalDate.of(2024, 1, 1), v);
    assertThatThrownBy(() -> forecaster.forecast(s, ForecastOptions.defaults()))
        .isInstanceOf(SloException.class)
        .hasMessage(
            "a yearly season needs at least 24 months of history (2 years); moves has 20"
                + " (2024-01-01..2025-08-01)")
        .satisfies(e -> assertThat(((SloException) e).exitCode()).isEqualTo(ExitCode.DATA));
  }

  @Test
  void the_non_seasonal_fallback_is_labelled() {
    double[] v = new double[20];
    for (int i = 0; i < 20; i++) v[i] = 100 + i;
    Series s = Series.regular("moves", Frequency.MONTHLY, LocalDate.of(2024, 1, 1), v);
    Forecast f = forecaster.forecast(s, new ForecastOptions(6, null, true));
    assertThat(f.seasonal()).isFalse();
    assertThat(f.method()).isEqualTo("non-seasonal holt");
    assertThat(f.notes()).anyMatch(n -> n.startsWith("NON-SEASONAL: only 20 months"));
    assertThat(f.points()).hasSize(6);
  }

  @Test
  void a_gap_is_reported_and_bridged() {
    LocalDate start = LocalDate.of(2021, 1, 1);
    Series full = synthetic(start, 3 * 365, 0.02, 3);
    double[] v = full.values();
    for (int i = 400; i < 430; i++) v[i] = Double.NaN;
    List<Observation> rows = new java.util.ArrayList<>();
    for (int i = 0; i < v.length; i++)
      if (!Double.isNaN(v[i])) rows.add(new Observation(full.date(i), v[i], "row " + i));
    Series s = Series.of("volume", rows, DuplicateRule.ERROR);
    assertThat(s.gaps()).containsExactly(new Gap(start.plusDays(400), start.plusDays(429), 30));
    Forecast f = forecaster.forecast(s, ForecastOptions.defaults());
    assertThat(f.notes())
        .contains(
            "1 gap (30 missing days) in the history, left out of the fit: 2022-02-05..2022-03-06"
                + " (30 days)");
    assertThat(f.points()).allMatch(p -> Double.isFinite(p.value()) && p.value() > 0);
  }

  @Test
  void season_sets_the_horizon_to_its_next_end() {
    Series s = synthetic(LocalDate.of(2023, 1, 1), 1096, 0.02, 5);
    // 1096 days: 2023-01-01..2025-12-31 (2024 is a leap year); last date 2025-12-31; the season
    // 03-15..04-10 next ends on 2026-04-10: 31+28+31+10 = 100.
    Forecast f =
        forecaster.forecast(s, new ForecastOptions(0, Season.parse("03-15..04-10"), false));
    assertThat(f.points()).hasSize(100);
    assertThat(f.points().get(99).date()).isEqualTo(LocalDate.of(2026, 4, 10));
  }

  @Test
  void backtest_scores_the_seasonal_naive_baseline_by_hand() {
    // Monthly, growing 1% a month with a fixed season: the value a year earlier is always
    // 1.01^-12 of today's, so the seasonal-naive error is 1 - 1.01^-12 = 11.2551% at every step.
    double[] v = new double[60];
    for (int i = 0; i < 60; i++) v[i] = 100 * Math.pow(1.01, i) * (i % 12 == 2 ? 3 : 1);
    Series s = Series.regular("moves", Frequency.MONTHLY, LocalDate.of(2020, 1, 1), v);
    Backtest b = forecaster.backtest(s, ForecastOptions.defaults(), 12);
    assertThat(b.baselineMape()).isCloseTo(100 * (1 - Math.pow(1.01, -12)), within(1e-9));
    assertThat(b.points()).isEqualTo(12);
    assertThat(b.from()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(b.actualPeakDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(b.forecastPeakDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(b.peakDateShiftDays()).isZero();
    assertThat(b.mape()).isLessThan(0.5);
    assertThat(b.peakCovered()).isTrue();
  }

  @Test
  void a_holdout_that_leaves_too_little_history_is_a_usage_error() {
    double[] v = new double[30];
    java.util.Arrays.fill(v, 10);
    Series s = Series.regular("moves", Frequency.MONTHLY, LocalDate.of(2020, 1, 1), v);
    assertThatThrownBy(() -> forecaster.backtest(s, ForecastOptions.defaults(), 12))
        .isInstanceOf(SloException.class)
        .hasMessage(
            "--holdout 12 leaves 18 months of history before it; the backtest needs at least 24"
                + " for a yearly season");
  }

  @Test
  void a_horizon_beyond_two_years_is_refused() {
    Series s = synthetic(LocalDate.of(2021, 1, 1), 3 * 365, 0.02, 5);
    assertThatThrownBy(() -> forecaster.forecast(s, new ForecastOptions(800, null, false)))
        .isInstanceOf(SloException.class)
        .hasMessage("--horizon 800 is more than two years of days (730)");
  }

  @Test
  void seasonal_naive_repeats_the_same_weekday_a_year_back_and_skips_a_gap() {
    // 800 days of value = day number + 1; day 799 is the last. One step ahead is day 800, whose
    // 364-day lag is day 436 (value 437); day 436 + 1 = 437 is missing, so step 2 (day 801)
    // goes back two lags to day 73 (value 74).
    double[] v = new double[800];
    for (int i = 0; i < v.length; i++) v[i] = i + 1;
    v[437] = Double.NaN;
    List<Observation> rows = new java.util.ArrayList<>();
    LocalDate start = LocalDate.of(2020, 1, 1);
    for (int i = 0; i < v.length; i++)
      if (!Double.isNaN(v[i])) rows.add(new Observation(start.plusDays(i), v[i], "row " + i));
    Series s = Series.of("v", rows, DuplicateRule.ERROR);
    LogScale log = new LogScale(s);
    double[] fc = new Method.SeasonalNaive().fit(s, log, s.size()).forecast(2);
    assertThat(Math.exp(fc[0])).isCloseTo(437, within(1e-9));
    assertThat(Math.exp(fc[1])).isCloseTo(74, within(1e-9));
  }

  @Test
  void weekly_series_recover_their_yearly_peak_week() {
    // 4 years of Mondays with a peak in the last week of March (3x) and 5% growth a year.
    LocalDate first = LocalDate.of(2021, 1, 4);
    double[] v = new double[4 * 52];
    for (int i = 0; i < v.length; i++) {
      LocalDate d = first.plusWeeks(i);
      boolean peak = d.getMonthValue() == 3 && d.getDayOfMonth() >= 22;
      v[i] = 1000 * Math.pow(1.05, i / 52.0) * (peak ? 3 : 1) * (i % 2 == 0 ? 1.02 : 0.98);
    }
    Series s = Series.regular("moves", Frequency.WEEKLY, first, v);
    Forecast f = forecaster.forecast(s, ForecastOptions.defaults());
    assertThat(f.points()).hasSize(52);
    assertThat(f.points()).allMatch(p -> p.date().getDayOfWeek() == DayOfWeek.MONDAY);
    ForecastPoint top = f.points().get(0);
    for (ForecastPoint p : f.points()) if (p.value() > top.value()) top = p;
    assertThat(top.date().getMonthValue()).isEqualTo(3);
    assertThat(top.date().getDayOfMonth()).isGreaterThanOrEqualTo(20);
    // 1000 x 1.05^4 x 3 = 3,647 around the fifth March peak.
    assertThat(top.value()).isCloseTo(3_647, within(3_647 * 0.15));
  }
}
