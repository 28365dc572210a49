package io.slotoolkit.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.LatencyPrediction;
import io.slotoolkit.model.LoadLatency;
import io.slotoolkit.model.Series;
import io.slotoolkit.model.SloException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LoadLatencyTest {
  private static final LocalDate START = LocalDate.of(2025, 1, 1);

  @Test
  void an_exact_power_law_is_recovered() {
    // latency = 10 * volume^0.5: at 400 items a day, 10 * 20 = 200 ms.
    int n = 30;
    double[] vol = new double[n];
    double[] lat = new double[n];
    for (int i = 0; i < n; i++) {
      vol[i] = 100 + 10 * i;
      lat[i] = 10 * Math.sqrt(vol[i]);
    }
    LoadLatency m =
        LoadLatencyFit.fit(
            Series.regular("v", Frequency.DAILY, START, vol),
            Series.regular("p95", Frequency.DAILY, START, lat));
    assertThat(m.elasticity()).isCloseTo(0.5, within(1e-9));
    assertThat(m.intercept()).isCloseTo(Math.log(10), within(1e-9));
    LatencyPrediction p = m.at(400);
    assertThat(p.value()).isCloseTo(200, within(1e-6));
    // The highest volume seen is 100 + 10 * 29 = 390; 400 lies beyond it, 300 does not.
    assertThat(p.extrapolated()).isTrue();
    assertThat(m.at(300).extrapolated()).isFalse();
    // No residuals: the intervals collapse on the point.
    assertThat(p.upper95()).isCloseTo(200, within(1e-6));
  }

  @Test
  void a_few_incident_days_do_not_drag_the_slope() {
    int n = 60;
    double[] vol = new double[n];
    double[] lat = new double[n];
    for (int i = 0; i < n; i++) {
      vol[i] = 1000 + 50 * i;
      lat[i] = 2 * Math.pow(vol[i], 0.3);
    }
    // Three incident days at low volume with 10x the latency.
    lat[0] *= 10;
    lat[1] *= 10;
    lat[2] *= 10;
    LoadLatency m =
        LoadLatencyFit.fit(
            Series.regular("v", Frequency.DAILY, START, vol),
            Series.regular("p95", Frequency.DAILY, START, lat));
    assertThat(m.elasticity()).isCloseTo(0.3, within(0.02));
    LatencyPrediction p = m.at(3000);
    assertThat(p.upper95()).isGreaterThanOrEqualTo(p.upper80());
    assertThat(p.upper80()).isGreaterThanOrEqualTo(p.value());
  }

  @Test
  void too_few_days_with_both_values_is_an_error() {
    double[] vol = {1, 2, 3, 4, 5};
    assertThatThrownBy(
            () ->
                LoadLatencyFit.fit(
                    Series.regular("v", Frequency.DAILY, START, vol),
                    Series.regular("p95", Frequency.DAILY, START, vol)))
        .isInstanceOf(SloException.class)
        .hasMessage(
            "latency column p95 has a value on 5 day(s) that also have a volume; fitting latency"
                + " against volume needs at least 14");
  }
}
