package io.slotoolkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.ForecastPoint;
import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.LoadLatency;
import io.slotoolkit.model.Premortem;
import io.slotoolkit.model.Season;
import io.slotoolkit.model.Series;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.Verdict;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PremortemTest {
  private static final LocalDate LAST = LocalDate.of(2026, 3, 9);

  /** Ten forecast days from 2026-03-10; the 5th (2026-03-14) peaks at 100,000, upper95 120,000. */
  private static Forecast forecast() {
    double[] history = new double[10];
    java.util.Arrays.fill(history, 20_000);
    Series h = Series.regular("records", Frequency.DAILY, LAST.minusDays(9), history);
    List<ForecastPoint> pts = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      double v = i == 5 ? 100_000 : 30_000;
      double up = i == 5 ? 120_000 : 40_000;
      pts.add(new ForecastPoint(LAST.plusDays(i), v, v * 0.9, up * 0.95, v * 0.8, up));
    }
    return new Forecast(h, "test", true, pts, List.of(), 1, 1, List.of());
  }

  @Test
  void point_fits_the_window_but_not_the_headroom_so_it_is_at_risk() {
    // 4 workers, 120 ms per item, window 1h, headroom 20%: budget 0.8 * 3600 = 2880 s.
    Capacity c = new Capacity(120.0, 4, Duration.ofHours(1), 0.2, null);
    Premortem p = CapacityCheck.assess(forecast(), null, c, null, 1);
    assertThat(p.peak().date()).isEqualTo(LocalDate.of(2026, 3, 14));
    assertThat(p.peakUpper95()).isEqualTo(120_000);
    Premortem.JobCheck j = p.job();
    // Point: 100,000 x 0.120 s / 4 = 3,000 s (<= 3,600 s window, > 2,880 s budget).
    assertThat(j.durationSeconds()).isCloseTo(3_000, within(1e-9));
    // Upper: 120,000 x 0.120 s / 4 = 3,600 s.
    assertThat(j.durationUpperSeconds()).isCloseTo(3_600, within(1e-9));
    assertThat(j.budgetSeconds()).isCloseTo(2_880, within(1e-9));
    assertThat(j.verdict()).isEqualTo(Verdict.AT_RISK);
    // Needed: 2,880 s x 4 / 120,000 = 0.096 s = 96 ms per item; or ceil(120,000 x 0.12 / 2,880)
    // = ceil(5.0) = 5 workers.
    assertThat(j.requiredLatencyMs()).isCloseTo(96, within(1e-9));
    assertThat(j.requiredWorkers()).isEqualTo(5);
    assertThat(p.verdict()).isEqualTo(Verdict.AT_RISK);
  }

  @Test
  void point_beyond_the_window_does_not_fit() {
    // 100,000 x 0.2 s / 4 = 5,000 s > 3,600 s.
    Capacity c = new Capacity(200.0, 4, Duration.ofHours(1), 0, null);
    assertThat(CapacityCheck.assess(forecast(), null, c, null, 1).verdict())
        .isEqualTo(Verdict.DOES_NOT_FIT);
  }

  @Test
  void upper_bound_inside_the_budget_fits() {
    // 120,000 x 0.05 s / 4 = 1,500 s <= 0.5 x 3,600 = 1,800 s.
    Capacity c = new Capacity(50.0, 4, Duration.ofHours(1), 0.5, null);
    assertThat(CapacityCheck.assess(forecast(), null, c, null, 1).verdict())
        .isEqualTo(Verdict.FITS);
  }

  @Test
  void the_season_limits_where_the_peak_is_looked_for() {
    Premortem p =
        CapacityCheck.assess(forecast(), Season.parse("03-16..03-19"), Capacity.none(), null, 1);
    assertThat(p.peak().value()).isEqualTo(30_000);
    assertThat(p.peak().date()).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(p.topDays()).hasSize(4);
    assertThat(p.verdict()).isNull();
  }

  @Test
  void a_season_outside_the_forecast_is_a_usage_error() {
    assertThatThrownBy(
            () ->
                CapacityCheck.assess(
                    forecast(), Season.parse("07-01..07-31"), Capacity.none(), null, 1))
        .isInstanceOf(SloException.class)
        .hasMessage("the forecast (2026-03-10..2026-03-19) does not reach the season 07-01..07-31");
  }

  @Test
  void latency_slo_uses_the_modelled_latency_at_the_upper_peak() {
    // Latency = 0.5 x volume^0.5 ms exactly: at 100,000 -> 158.1 ms; at 120,000 -> 173.2 ms.
    int n = 30;
    double[] vol = new double[n];
    double[] lat = new double[n];
    for (int i = 0; i < n; i++) {
      vol[i] = 20_000 + 4_000 * i;
      lat[i] = 0.5 * Math.sqrt(vol[i]);
    }
    LocalDate start = LocalDate.of(2025, 1, 1);
    LoadLatency m =
        LoadLatencyFit.fit(
            Series.regular("v", Frequency.DAILY, start, vol),
            Series.regular("p95", Frequency.DAILY, start, lat));
    Capacity c = new Capacity(null, 1, null, 0, 170.0);
    Premortem p = CapacityCheck.assess(forecast(), null, c, m, 1);
    assertThat(p.slo().atPeak().value()).isCloseTo(0.5 * Math.sqrt(100_000), within(1e-6));
    assertThat(p.slo().atUpper().upper95()).isCloseTo(0.5 * Math.sqrt(120_000), within(1e-6));
    // 158.1 <= 170 < 173.2: the point fits, the upper bound does not.
    assertThat(p.slo().verdict()).isEqualTo(Verdict.AT_RISK);
    // Volume at which 0.5 x sqrt(v) = 170: (340)^2 = 115,600.
    assertThat(p.slo().maxVolume()).isCloseTo(115_600, within(1e-3));
  }
}
